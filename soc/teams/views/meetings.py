from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.consent.doors import family_for, record_view, require
from soc.form_pages import submit

from .. import actions, calendar
from ..forms import (
    CancelForm,
    MeetingForm,
    NextStepForm,
    RecordForm,
)
from ..models import Meeting
from .family_page import open_steps_for


@login_required
def meeting_new(request, family_id):
    family = family_for(request, family_id, "convene_meeting")
    form = MeetingForm(request.POST or None)
    return submit(
        request,
        "teams/meeting_form.html",
        {"family": family},
        form,
        lambda data: actions.convene_meeting(
            request.user, family.team, form.meeting_fields(), request=request
        ),
        success=_("The meeting is set. Everyone on the team with an e-mail gets an invitation."),
        done=lambda meeting: reverse("meeting", args=[family.pk, meeting.pk]),
        errors=_meeting_errors,
    )


def _meeting_errors(form, error):
    mapping = {"starts_at": "start_time", "ends_at": "end_time"}
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            name = mapping.get(field, field)
            form.add_error(name if name in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _meeting(request, family, meeting_id):
    """One of the family's meetings, annotated with whether this user may read its notes."""
    return get_object_or_404(
        Meeting.objects.with_readability(request.user, family=family).select_related("team"),
        pk=meeting_id,
        family=family,
    )


@login_required
def meeting(request, family_id, meeting_id):
    user = request.user
    family = family_for(request, family_id, audit=False)
    meeting = _meeting(request, family, meeting_id)
    record_view(request, "meeting.view", meeting, family.pk)
    next_steps = open_steps_for(user, family, meeting=meeting)
    shown = [meeting] if meeting.readable and meeting.has_notes else []
    disclose(user, shown + next_steps, door="page", request=request)
    context = {
        "family": family,
        "meeting": meeting,
        "attendance": list(meeting.attendance.select_related("membership")),
        "show_notes": meeting.readable,
        "part2_notice": PART2_NOTICE if needs_part2_notice(shown + next_steps) else None,
        "next_steps": next_steps,
        "can_change": meeting.can(user, "change_meeting") and not meeting.is_cancelled,
        "can_record": meeting.can(user, "record_meeting") and not meeting.is_cancelled,
        "step_form": NextStepForm(team=family.team) if family.can(user, "add_next_step") else None,
    }
    return render(request, "teams/meeting.html", context)


@login_required
def meeting_edit(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    if not meeting.can(request.user, "change_meeting"):
        raise PermissionDenied
    form = MeetingForm(request.POST or None, initial=MeetingForm.initial_for(meeting))
    return submit(
        request,
        "teams/meeting_form.html",
        {"family": family, "meeting": meeting},
        form,
        lambda data: actions.change_meeting(
            request.user,
            meeting,
            version=data["version"],
            changes=form.meeting_fields(),
            request=request,
        ),
        success=_("The meeting was changed. Everyone gets an updated invitation."),
        done=reverse("meeting", args=[family.pk, meeting.pk]),
        errors=_meeting_errors,
    )


@login_required
def meeting_cancel(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    if not meeting.can(request.user, "change_meeting"):
        raise PermissionDenied
    return submit(
        request,
        "teams/meeting_cancel.html",
        {"family": family, "meeting": meeting},
        CancelForm(request.POST or None, initial={"version": meeting.version}),
        lambda data: actions.cancel_meeting(
            request.user, meeting, version=data["version"], reason=data["reason"], request=request
        ),
        success=_("The meeting was cancelled. Everyone gets a cancellation."),
        done=reverse("meeting", args=[family.pk, meeting.pk]),
    )


@login_required
def meeting_record(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    require(request, family, "record_meeting")
    form = RecordForm(
        request.POST or None,
        members=list(family.team.memberships.active().order_by("name")),
        existing={a.membership_id: a for a in meeting.attendance.all()},
        initial={
            "version": meeting.version,
            "notes": meeting.notes,
            "decisions": meeting.decisions,
            "category": meeting.category,
        },
    )
    return submit(
        request,
        "teams/meeting_record.html",
        {"family": family, "meeting": meeting},
        form,
        lambda data: actions.record_meeting(
            request.user,
            meeting,
            version=data["version"],
            notes=data["notes"],
            decisions=data["decisions"],
            attendance=form.attendance(),
            category=data["category"],
            request=request,
        ),
        success=_("Saved."),
        done=reverse("meeting", args=[family.pk, meeting.pk]),
    )


@login_required
def meeting_ics(request, family_id, meeting_id):
    family = family_for(request, family_id, audit=False)
    meeting = _meeting(request, family, meeting_id)
    record(request.user, "meeting.download", meeting, family_id=family.pk, request=request)
    attendees = family.team.memberships.active().exclude(email="")
    response = HttpResponse(
        calendar.invitation(meeting, attendees), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response
