"""Doors that hand a family's records out as files, and search across my families."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from soc.audit.log import record
from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.consent.doors import family_for, record_view

from .. import documents
from ..models import Meeting, NextStep
from ..search import search_my_families
from .family_page import open_steps_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def meeting_pdf(request, family_id, meeting_id):
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
    content = documents.meeting_summary_pdf(
        meeting, list(meeting.attendance.select_related("membership")), next_steps
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.pdf"'
    return response


@login_required
def family_export(request, family_id):
    """The family's meetings and next steps as a spreadsheet (protected notes only if allowed)."""
    user = request.user
    family = family_for(request, family_id, audit="family.export")
    meetings = list(
        Meeting.objects.with_readability(user, family=family)
        .filter(family=family)
        .order_by("-starts_at")[:1000]
    )
    steps = list(
        NextStep.objects.visible_to(user, family=family)
        .select_related("responsible")
        .order_by("due_date")[:1000]
    )
    shown = [m for m in meetings if m.readable and m.has_notes]
    disclose(user, shown + steps, door="export", request=request)
    response = HttpResponse(documents.family_workbook(family, meetings, steps), content_type=XLSX)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="family-{family.pk}-{stamp}.xlsx"'
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
