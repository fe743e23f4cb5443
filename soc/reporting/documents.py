"""An annual report draft as an XLSX workbook (a cover sheet, then one sheet per section) and
as a PDF (WeasyPrint), both in the active language and both saying they are drafts."""

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from weasyprint import HTML

from soc.collaboratives.suppression import Count
from soc.teams.documents import safe_cell

SHEET_NAME_LIMIT = 31
NOT_ALLOWED_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def draft_note():
    return _(
        "Draft built from the records this platform holds. Check it before you send it. "
        "Counts from 1 to 10 read “fewer than 10”, and some other counts are hidden so that "
        "small ones cannot be worked out from the totals. No family or person is named."
    )


def cell_value(value):
    """A count as the spreadsheet holds it: the number when shown, else its words."""
    if isinstance(value, Count):
        return value.value if not value.is_hidden else str(value)
    return safe_cell(value if isinstance(value, int | float) else str(value))


def _generated(report):
    return formats.date_format(timezone.localtime(report.generated_at), "DATETIME_FORMAT")


def _requirement_lines(requirement):
    if requirement is None:
        return [(_("Report"), _("Everything the platform can fill in"))]
    due = formats.date_format(requirement.due_on, "DATE_FORMAT") if requirement.due_on else ""
    return [
        (_("Report"), requirement.title),
        (_("To whom"), requirement.to_whom),
        (_("How often"), requirement.get_frequency_display()),
        (_("Due"), "; ".join(d for d in (due, requirement.due_rule) if d)),
    ]


def cover_lines(report):
    """The cover as (label, value); the note, always last, is the draft's warning."""
    return [
        *_requirement_lines(report.requirement),
        (_("Body"), report.body.name),
        (_("Kind"), report.body.get_kind_display()),
        (_("Counties"), ", ".join(c.name for c in report.counties)),
        (_("Period"), report.period.label),
        (_("Generated"), _generated(report)),
        (_("Status"), _("Draft")),
        (_("Note"), draft_note()),
    ]


def _sheet_name(title, taken):
    name = title.translate(NOT_ALLOWED_IN_SHEET_NAMES)[:SHEET_NAME_LIMIT]
    while name in taken:
        name = name[: SHEET_NAME_LIMIT - 2] + f" {len(taken)}"
    taken.add(name)
    return name


def by_hand_title():
    return _("To fill in by hand")


def by_hand_note():
    return _("The report asks for these too. This draft does not fill them in.")


def _by_hand_sheet(sheet, by_hand):
    sheet.append([by_hand_title()])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([by_hand_note()])
    sheet.append([])
    sheet.append([_("Data item"), _("Why it is not filled in"), _("What you report")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for item, why in by_hand:
        sheet.append([safe_cell(item.label), safe_cell(why), ""])
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 60


def workbook(report) -> bytes:
    book = Workbook()
    cover = book.active
    cover.title = _sheet_name(_("Cover"), taken := set())
    cover.append([report.title])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append([])
    for label, value in cover_lines(report):
        cover.append([label, safe_cell(value)])
        cover.cell(cover.max_row, 1).font = Font(bold=True)
    cover.column_dimensions["A"].width = 16
    cover.column_dimensions["B"].width = 90
    for row in cover.iter_rows(min_row=3):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    for section in report.sections:
        sheet = book.create_sheet(_sheet_name(section.title, taken))
        sheet.append([section.title])
        sheet["A1"].font = Font(bold=True, size=13)
        if not section.tables:
            sheet.append([])
            sheet.append([_("None in this period.")])
        for table in section.tables:
            sheet.append([])
            if table.caption:
                sheet.append([table.caption])
            sheet.append([safe_cell(str(h)) for h in table.header])
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
            for row in table.rows:
                sheet.append([cell_value(v) for v in row])
            if not table.rows:
                sheet.append([_("None in this period.")])
        if section.note:
            sheet.append([])
            sheet.append([section.note])
        sheet.column_dimensions["A"].width = 48
    if report.by_hand:
        _by_hand_sheet(book.create_sheet(_sheet_name(by_hand_title(), taken)), report.by_hand)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def pdf(report) -> bytes:
    html = render_to_string(
        "reporting/annual_pdf.html",
        {
            "report": report,
            "cover": cover_lines(report),
            "sections": [
                (s, [(t, [[str(v) for v in row] for row in t.rows]) for t in s.tables])
                for s in report.sections
            ],
            "by_hand": report.by_hand,
            "by_hand_title": by_hand_title(),
            "by_hand_note": by_hand_note(),
        },
    )
    return HTML(string=html).write_pdf()
