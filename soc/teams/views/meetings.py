from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.consent import policy
from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.consent.doors import family_for, record_view, require
from soc.form_pages import submit
from soc.languages import language_choices

from .. import actions, calendar
from ..actions.meetings import ANSWER_RULE
from ..forms import (
    AnswerForm,
    CancelForm,
    HeldMeetingForm,
    MeetingForm,
    NextStepForm,
    RecordForm,
)
from ..models import Meeting, MeetingAnswer
from .family_page import open_steps_for


@login_required
def meeting_new(request, family_id):
    family = family_for(request, family_id, "convene_meeting")
    form = MeetingForm(request.POST or None, family=family)
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


@login_required
def meeting_held_new(request, family_id):
    """Record a meeting that already took place, or an unplanned one, in one step."""
    family = family_for(request, family_id, "record_meeting")
    require(request, family, "convene_meeting")
    form = HeldMeetingForm(
        request.POST or None, members=list(family.team.memberships.active().order_by("name"))
    )
    return submit(
        request,
        "teams/meeting_held_form.html",
        {"family": family},
        form,
        lambda data: actions.record_held_meeting(
            request.user,
            family.team,
            form.meeting_fields(),
            **form.record_fields(),
            request=request,
        ),
        success=_("The meeting is recorded. Nobody was sent an invitation."),
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


def _answers(user, meeting, me):
    """Who said they are coming, and what this user may see of it: everyone on the team sees
    the answers; the notes only whoever called the meeting, the facilitator and the writer."""
    rows = list(meeting.answers.select_related("membership").order_by("membership__name"))
    sees_notes = meeting.can(user, "change_meeting")
    for row in rows:
        row.note_shown = row.note if sees_notes or (me and row.membership_id == me.pk) else ""
    mine = next((row for row in rows if me is not None and row.membership_id == me.pk), None)
    counts = dict.fromkeys(MeetingAnswer.Answer.values, 0)
    for row in rows:
        counts[row.answer] += 1
    answered = {row.membership_id for row in rows}
    members = meeting.team.memberships.active().order_by("name").values_list("pk", "name")
    waiting = [name for pk, name in members if pk not in answered]
    return rows, mine, counts, waiting


@login_required
def meeting(request, family_id, meeting_id):
    user = request.user
    family = family_for(request, family_id, audit=False)
    meeting = _meeting(request, family, meeting_id)
    record_view(request, "meeting.view", meeting, family.pk)
    next_steps = open_steps_for(user, family, meeting=meeting)
    shown = [meeting] if meeting.readable and meeting.has_notes else []
    disclose(user, shown + next_steps, door="page", request=request)
    me = policy.membership_for(user, family.pk)
    to_come = meeting.is_still_to_come()
    answers, my_answer, counts, waiting = _answers(user, meeting, me)
    can_answer = to_come and meeting.can(user, ANSWER_RULE)
    answer_form = None
    if can_answer:
        initial = {"answer": my_answer.answer, "note": my_answer.note} if my_answer else {}
        answer_form = AnswerForm(initial=initial, auto_id="answer_%s")
    context = {
        "family": family,
        "meeting": meeting,
        "attendance": list(meeting.attendance.select_related("membership")),
        "show_notes": meeting.readable,
        "part2_notice": PART2_NOTICE if needs_part2_notice(shown + next_steps) else None,
        "next_steps": next_steps,
        "still_to_come": to_come,
        "answers": answers,
        "answer_counts": counts,
        "no_answer_yet": waiting,
        "my_answer": my_answer,
        "answer_form": answer_form,
        "languages": language_choices(family),
        "can_change": to_come and meeting.can(user, "change_meeting"),
        "can_record": meeting.can(user, "record_meeting") and not meeting.is_cancelled,
        "step_form": NextStepForm(team=family.team) if family.can(user, "add_next_step") else None,
    }
    return render(request, "teams/meeting.html", context)


@login_required
@require_POST
def meeting_answer(request, family_id, meeting_id):
    """Coming, not coming or maybe: the member's answer, back on the meeting page."""
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    if not meeting.can(request.user, ANSWER_RULE):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please say if you are coming."))
    else:
        try:
            answer = actions.answer_meeting(
                request.user,
                meeting,
                answer=form.cleaned_data["answer"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Thank you. The team can see your answer: %(answer)s.")
                % {"answer": answer.get_answer_display()},
            )
    return redirect(reverse("meeting", args=[family.pk, meeting.pk]) + "#answer")


@login_required
def meeting_edit(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    if not meeting.can(request.user, "change_meeting"):
        raise PermissionDenied
    if not meeting.is_still_to_come():
        messages.error(
            request, _("This meeting is over or cancelled: it can no longer be changed.")
        )
        return redirect(reverse("meeting", args=[family.pk, meeting.pk]))
    form = MeetingForm(
        request.POST or None, initial=MeetingForm.initial_for(meeting), family=family
    )
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
    if not meeting.is_still_to_come():
        messages.error(
            request, _("This meeting is over or cancelled: it can no longer be changed.")
        )
        return redirect(reverse("meeting", args=[family.pk, meeting.pk]))
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
    response = HttpResponse(calendar.single(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response
