"""Doors that hand a family's records out as files, and search across my families."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from soc.audit.log import record
from soc.consent import policy
from soc.consent.disclosures import note_disclosure
from soc.families.access import audit_view, family_for
from soc.families.models import Family, Person

from . import documents
from .models import Meeting

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def meeting_pdf(request, family_id, meeting_id):
    family = family_for(request, family_id, audit=False)
    meeting = get_object_or_404(
        Meeting.objects.select_related("team__family"), pk=meeting_id, team__family=family
    )
    audit_view(request, "meeting.pdf", meeting, family.pk)
    if policy.can_read_record(request.user, meeting, author_id=meeting.notes_by_id) and (
        meeting.notes or meeting.decisions
    ):
        note_disclosure(
            request.user,
            meeting,
            category=meeting.category,
            author_id=meeting.notes_by_id,
            request=request,
        )
    content = documents.meeting_summary_pdf(
        request.user,
        meeting,
        list(meeting.attendance.select_related("membership")),
        list(meeting.next_steps.select_related("responsible", "team")),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.pdf"'
    return response


@login_required
def family_export(request, family_id):
    """The family's meetings and next steps as a spreadsheet (protected notes only if allowed)."""
    family = family_for(request, family_id, audit="family.export")
    meetings = list(family.team.meetings.select_related("team").order_by("-starts_at")[:1000])
    steps = list(
        family.team.next_steps.select_related("responsible", "team").order_by("due_date")[:1000]
    )
    for meeting in meetings:
        if (meeting.notes or meeting.decisions) and policy.can_read_record(
            request.user, meeting, author_id=meeting.notes_by_id
        ):
            note_disclosure(
                request.user,
                meeting,
                category=meeting.category,
                author_id=meeting.notes_by_id,
                request=request,
            )
    response = HttpResponse(
        documents.family_workbook(request.user, family, meetings, steps), content_type=XLSX
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="family-{family.pk}-{stamp}.xlsx"'
    return response


@login_required
def search(request):
    """Find my families by name, and meetings by agenda or notes I may read."""
    query = request.GET.get("q", "").strip()[:100]
    families, meetings = [], []
    if len(query) >= 2:
        visible = Family.objects.visible_to(request.user)
        by_person = Person.objects.filter(
            Q(first_name__icontains=query) | Q(last_name__icontains=query)
        )
        families = list(
            visible.filter(
                Q(display_name__icontains=query) | Q(id__in=by_person.values("family_id"))
            )
            .select_related("county")
            .order_by("display_name")[:25]
        )
        candidates = list(
            Meeting.objects.visible_to(request.user)
            .filter(
                Q(agenda__icontains=query)
                | Q(notes__icontains=query)
                | Q(decisions__icontains=query)
            )
            .select_related("team__family")
            .order_by("-starts_at")[:50]
        )
        policy.prime_consents(request.user, [m.team.family_id for m in candidates])
        lowered = query.lower()
        for meeting in candidates:
            # A protected note must not even reveal that it matched.
            if lowered in meeting.agenda.lower() or policy.can_read_record(
                request.user, meeting, author_id=meeting.notes_by_id
            ):
                meetings.append(meeting)
        record(
            request.user,
            "search",
            ("search", ""),
            request=request,
            detail={
                "families": [f.pk for f in families],
                "meetings": [m.pk for m in meetings[:25]],
            },
        )
    return render(
        request,
        "teams/search.html",
        {"query": query, "families": families, "meetings": meetings[:25]},
    )
