"""Documents built from a team's records: the meeting summary PDF and the family's XLSX export.

Both are doors like any page: they show protected notes only when the policy says so, and
carry the 42 CFR Part 2 notice whenever substance-use information is shown.
"""

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
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


def family_workbook(family, meetings, next_steps) -> bytes:
    """`meetings` annotated `readable`, `next_steps` the readable ones, both through the policy."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Meetings")[:31]
    sheet.append([_("Date"), _("Reason"), _("Place"), _("Status"), _("Notes"), _("Decisions")])
    part2 = False
    for meeting in meetings:
        notes, decisions, substance_use = readable_notes(meeting)
        part2 = part2 or substance_use
        sheet.append(
            [
                timezone.localtime(meeting.starts_at).replace(tzinfo=None),
                safe_cell(meeting.reason_label),
                safe_cell(meeting.place),
                meeting.get_status_display(),
                safe_cell(
                    notes if notes is not None else (_("Protected") if meeting.notes else "")
                ),
                safe_cell(
                    decisions
                    if decisions is not None
                    else (_("Protected") if meeting.decisions else "")
                ),
            ]
        )
    steps = book.create_sheet(_("Next steps")[:31])
    steps.append([_("What will be done"), _("Who will do it"), _("By when"), _("Status")])
    for step in next_steps:
        steps.append(
            [
                safe_cell(step.description),
                safe_cell(step.responsible.name),
                step.due_date,
                step.get_status_display(),
            ]
        )
    for ws in (sheet, steps):
        for cell in ws[1]:
            cell.font = Font(bold=True)
    if part2 or needs_part2_notice(next_steps):
        notice = book.create_sheet(_("Notice"), 0)
        notice.append([_("Notice of confidentiality (42 CFR part 2)")])
        notice.append([str(PART2_NOTICE)])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
