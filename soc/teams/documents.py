"""Documents built from a team's records: the meeting summary PDF and the family's XLSX export.

Both are doors like any page: they show protected notes only when the policy says so, and
carry the 42 CFR Part 2 notice whenever substance-use information is shown.
"""

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from weasyprint import HTML

from soc.consent.disclosures import PART2_NOTICE, needs_part2_notice

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is kept as text (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def readable_notes(meeting):
    """(notes, decisions, shows substance use) as the reader may see them: meetings come
    annotated `readable` by the policy (Meeting.objects.with_readability)."""
    if meeting.readable:
        return meeting.notes, meeting.decisions, meeting.has_notes and meeting.is_substance_use
    return None, None, False


def meeting_summary_pdf(meeting, attendance, next_steps) -> bytes:
    """`next_steps` are the ones the reader may read (NextStep.objects.visible_to)."""
    notes, decisions, part2 = readable_notes(meeting)
    part2 = part2 or needs_part2_notice(next_steps)
    html = render_to_string(
        "teams/meeting_summary_pdf.html",
        {
            "meeting": meeting,
            "family": meeting.team.family,
            "attendance": attendance,
            "next_steps": next_steps,
            "notes": notes,
            "decisions": decisions,
            "hidden": notes is None and meeting.has_notes,
            "part2_notice": PART2_NOTICE if part2 else None,
            "printed_at": timezone.now(),
        },
    )
    return HTML(string=html).write_pdf()


def attendance_summary(meeting):
    """ "Maria Rivera: Present (with an interpreter); Sam: Excused", in the active language."""
    parts = []
    for row in meeting.attendance.all():
        part = f"{row.membership.name}: {row.get_status_display()}"
        if row.interpreter_used:
            part += f" ({_('with an interpreter')})"
        parts.append(part)
    return "; ".join(parts)


def _protected_or(value, stored):
    if value is not None:
        return value
    return _("Protected") if stored else ""


def _sheet(sheet, title, family, headers, widths):
    """Name the family in the first row; the second, the column names, stays in view while
    scrolling and repeats on every printed page."""
    sheet.title = title[:31]
    sheet.append([safe_cell(f"{family.display_name} · {title}")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index_, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index_)].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    return sheet


def _wrap(sheet, first_row=3):
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def family_workbook(family, meetings, next_steps) -> bytes:
    """`meetings` annotated `readable` with their attendance prefetched, `next_steps` the
    readable ones, both through the policy. Words come out in the active language."""
    book = Workbook()
    sheet = _sheet(
        book.active,
        _("Meetings"),
        family,
        [
            _("Date"),
            _("Starts"),
            _("Ends"),
            _("Reason"),
            _("Place"),
            _("Status"),
            _("Interpreter"),
            _("Who came"),
            _("Notes"),
            _("Decisions"),
        ],
        [12, 8, 8, 24, 28, 18, 16, 40, 50, 40],
    )
    part2 = False
    for meeting in meetings:
        notes, decisions, substance_use = readable_notes(meeting)
        part2 = part2 or substance_use
        starts = timezone.localtime(meeting.starts_at)
        ends = timezone.localtime(meeting.ends_at)
        sheet.append(
            [
                starts.date(),
                starts.time().replace(second=0, microsecond=0, tzinfo=None),
                ends.time().replace(second=0, microsecond=0, tzinfo=None),
                safe_cell(meeting.reason_label),
                safe_cell(", ".join(x for x in [meeting.place, meeting.video_link] if x)),
                str(meeting.state_label),
                str(meeting.get_interpreter_language_display() or ""),
                safe_cell(attendance_summary(meeting)),
                safe_cell(_protected_or(notes, meeting.notes)),
                safe_cell(_protected_or(decisions, meeting.decisions)),
            ]
        )
        row = sheet.max_row
        sheet.cell(row, 1).number_format = "yyyy-mm-dd"
        sheet.cell(row, 2).number_format = "hh:mm"
        sheet.cell(row, 3).number_format = "hh:mm"
    _wrap(sheet)
    steps = _sheet(
        book.create_sheet(),
        _("Next steps"),
        family,
        [_("What will be done"), _("Who will do it"), _("By when"), _("Status")],
        [50, 24, 12, 16],
    )
    for step in next_steps:
        steps.append(
            [
                safe_cell(step.description),
                safe_cell(step.responsible.name),
                step.due_date,
                str(step.get_status_display()),
            ]
        )
        steps.cell(steps.max_row, 3).number_format = "yyyy-mm-dd"
    _wrap(steps)
    if part2 or needs_part2_notice(next_steps):
        notice = book.create_sheet(_("Notice")[:31], 0)
        notice.append([_("Notice of confidentiality (42 CFR part 2)")])
        notice.append([str(PART2_NOTICE)])
        notice.column_dimensions["A"].width = 100
        notice["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.title = family.display_name
    book.properties.language = translation.get_language()
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
