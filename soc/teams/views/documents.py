"""Doors that hand a family's records out as files, and search across my families."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation

from soc.audit.log import record
from soc.consent.disclosures import disclose
from soc.consent.doors import family_for, record_view
from soc.families.models import Family, Person
from soc.languages import document_language

from .. import documents
from ..models import Attendance, Meeting, NextStep
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
    """Find my families by name or their people's names, and meetings by agenda, or by notes
    I may read (a protected note must not even reveal that it matched)."""
    user = request.user
    query = request.GET.get("q", "").strip()[:100]
    families, meetings = [], []
    if len(query) >= 2:
        by_person = Person.objects.visible_to(user).filter(
            Q(first_name__icontains=query) | Q(last_name__icontains=query)
        )
        families = list(
            Family.objects.visible_to(user)
            .filter(Q(display_name__icontains=query) | Q(id__in=by_person.values("family_id")))
            .select_related("county")
            .order_by("display_name")[:25]
        )
        in_notes = Q(notes__icontains=query) | Q(decisions__icontains=query)
        meetings = list(
            Meeting.objects.of_my_teams(user)
            .with_readability(user)
            .filter(Q(agenda__icontains=query) | Q(readable=True) & in_notes)
            .select_related("family")
            .order_by("-starts_at")[:25]
        )
        disclose(
            user,
            [m for m in meetings if m.readable and m.has_notes],
            door="search",
            request=request,
        )
        record(
            user,
            "search",
            ("search", ""),
            request=request,
            detail={"families": [f.pk for f in families], "meetings": [m.pk for m in meetings]},
        )
    return render(
        request, "teams/search.html", {"query": query, "families": families, "meetings": meetings}
    )
