"""Doors that hand a family's records out as files, and search across my families."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation

from soc.audit.log import record
from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.consent.doors import family_for, record_view
from soc.languages import document_language

from .. import documents
from ..models import Attendance, Meeting, NextStep
from ..search import search_my_families
from .family_page import open_steps_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def meeting_pdf(request, family_id, meeting_id):
    """The meeting summary, in the language chosen at export (the family's by default)."""
    user = request.user
    family = family_for(request, family_id, audit=False)
    meeting = get_object_or_404(
        Meeting.objects.with_readability(user, family=family).select_related("team__family"),
        pk=meeting_id,
        family=family,
    )
    record_view(request, "meeting.pdf", meeting, family.pk)
    next_steps = open_steps_for(user, family, meeting=meeting)
    shown = [meeting] if meeting.readable and meeting.has_notes else []
    disclose(user, shown + next_steps, door="pdf", request=request)
    language = document_language(request, family)
    with translation.override(language):
        content = documents.meeting_summary_pdf(
            meeting, list(meeting.attendance.select_related("membership")), next_steps
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}-{language}.pdf"'
    response["Content-Language"] = language
    return response


@login_required
def family_export(request, family_id):
    """The family's meetings and next steps as a spreadsheet (protected notes only if
    allowed), in the language chosen at export, the family's by default."""
    user = request.user
    family = family_for(request, family_id, audit="family.export")
    meetings = list(
        Meeting.objects.with_readability(user, family=family)
        .filter(family=family)
        .prefetch_related(
            Prefetch(
                "attendance",
                queryset=Attendance.objects.select_related("membership").order_by(
                    "membership__name"
                ),
            )
        )
        .order_by("-starts_at")[:1000]
    )
    steps = list(
        NextStep.objects.visible_to(user, family=family)
        .select_related("responsible")
        .order_by("due_date")[:1000]
    )
    shown = [m for m in meetings if m.readable and m.has_notes]
    disclose(user, shown + steps, door="export", request=request)
    language = document_language(request, family)
    with translation.override(language):
        content = documents.family_workbook(family, meetings, steps)
    response = HttpResponse(content, content_type=XLSX)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="family-{family.pk}-{stamp}-{language}.xlsx"'
    )
    response["Content-Language"] = language
    return response


@login_required
def search(request):
    """Search my families (see teams.search): families, meetings, next steps. GET, so results
    can be bookmarked; server logs drop query strings (soc/access_log.py)."""
    user = request.user
    query = request.GET.get("q", "").strip()[:100]
    results = search_my_families(user, query)
    shown = results.shown_records()
    if len(query) >= 2:
        disclose(user, shown, door="search", request=request)
        # The terms themselves are not recorded: they may be a child's name.
        record(
            user,
            "search",
            ("search", ""),
            request=request,
            detail={
                "families": [f.pk for f in results.families],
                "meetings": [m.pk for m in results.meetings],
                "next_steps": [s.pk for s in results.next_steps],
            },
        )
    notice = PART2_NOTICE if needs_part2_notice(results.next_steps) else None
    return render(
        request,
        "teams/search.html",
        {"query": query, "results": results, "part2_notice": notice},
    )
