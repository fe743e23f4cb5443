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


def cover_lines(report):
    return [
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
        },
    )
    return HTML(string=html).write_pdf()
