"""A collaborative's meetings: public where the work is public, confidential items with a seat."""

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.form_pages import run_and_return, submit

from .. import actions, partnership, rules, standing
from ..actions.minutes import attended
from ..forms import (
    ActionItemForm,
    AgendaItemForm,
    ApproveMinutesForm,
    CancelGovMeetingForm,
    ChangeGovMeetingForm,
    GovMeetingForm,
    MinutesForm,
    MotionForm,
    RollCallForm,
    VotesForm,
)
from ..models import GovMeeting, Minutes, Motion
from .base import body_for, can, confidential_or_404, items_seen_by, motions_seen_by


def meeting_of(body, meeting_id):
    return get_object_or_404(GovMeeting.objects.filter(collaborative=body), pk=meeting_id)


def agenda_tree(items, insider):
    """The agenda as nested items; confidential ones (and all under them) only for insiders."""
    items = [i for i in items if insider or not i.is_hidden_from_public]
    kids = {}
    for item in items:
        kids.setdefault(item.parent_id, []).append(item)
    for item in items:
        item.kids = kids.get(item.pk, [])
    return kids.get(None, [])


def _roll_by_type(meeting, holders):
    present = set(meeting.roll.filter(status="present").values_list("seat_id", flat=True))
    counts = Counter()
    for seat, term in holders:
        if term is not None:
            counts[seat.get_seat_type_display(), seat.pk in present] += 1
    types = sorted({t for t, _p in counts})
    return [(t, counts[t, True], counts[t, True] + counts[t, False]) for t in types]


def gov_meeting(request, slug, meeting_id):
    body = body_for(request, slug)
    meeting = meeting_of(body, meeting_id)
    flags = can(request.user, body)
    insider = flags["see_confidential"]
    items = list(meeting.items.select_related("parent"))
    holders = standing.seat_holders(body, meeting.day)
    motions = [
        m
        for m in meeting.motions.select_related("item", "mover", "seconder").prefetch_related(
            "votes__seat"
        )
        if insider or not m.is_confidential
    ]
    if insider and any(i.is_hidden_from_public for i in items):
        record(request.user, "gov_meeting.confidential", meeting, request=request)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    context = {
        "body": body,
        "meeting": meeting,
        "can": flags,
        "insider": insider,
        "agenda": agenda_tree(items, insider),
        "suggested": [i for i in items if i.status == "suggested"] if insider else [],
        "roll": _roll_by_type(meeting, holders),
        "roll_taken": meeting.roll.exists(),
        "quorum": standing.Quorum(meeting, holders),
        "motions": motions,
        "action_items": meeting.action_items.all(),
        "partnership": partnership.for_meeting(meeting),
        "minutes": minutes if minutes and (minutes.is_approved or insider) else None,
        "may_amend": bool(minutes)
        and not minutes.is_approved
        and (flags["run_meeting"] or (flags["amend_minutes"] and attended(request.user, meeting))),
    }
    return render(request, "collaboratives/meeting.html", context)


def _item_or_404(request, meeting, item_id):
    item = get_object_or_404(meeting.items.select_related("parent"), pk=item_id)
    hidden = item.is_hidden_from_public
    return confidential_or_404(request.user, request, meeting.collaborative, item, hidden)


def gov_item(request, slug, meeting_id, item_id):
    """One agenda item: a confidential one answers 404 to anyone without a seat."""
    body = body_for(request, slug)
    meeting = meeting_of(body, meeting_id)
    item = _item_or_404(request, meeting, item_id)
    if item.is_hidden_from_public:
        record(request.user, "gov_meeting.confidential", item, request=request)
    motions = list(item.motions.all())
    return render(
        request,
        "collaboratives/item.html",
        {"body": body, "meeting": meeting, "item": item, "motions": motions},
    )


@login_required
def gov_meeting_new(request, slug):
    body = body_for(request, slug, "run_meeting")
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Schedule a meeting"), "body": body},
        GovMeetingForm(request.POST or None),
        lambda data: actions.schedule_meeting(request.user, body, request=request, **data),
        success=_("The meeting is scheduled."),
        done=lambda meeting: meeting.get_absolute_url(),
    )


def _meeting_form(request, slug, meeting_id, action, title):
    body = body_for(request, slug, action)
    meeting = meeting_of(body, meeting_id)
    context = {"title": title, "body": body, "back": meeting.get_absolute_url()}
    return body, meeting, context


def _send_again(request, slug, meeting_id, *, title, intro, form, initial, act, success):
    """A change the invitations follow: everyone invited gets it in their calendar."""
    body, meeting, context = _meeting_form(request, slug, meeting_id, "run_meeting", title)
    return submit(
        request,
        "collaboratives/form.html",
        {**context, "intro": intro},
        form(request.POST or None, initial={**initial(meeting), "version": meeting.version}),
        lambda data: act(request.user, meeting, request=request, **data),
        success=success,
        done=meeting.get_absolute_url(),
    )


@login_required
def gov_meeting_edit(request, slug, meeting_id):
    return _send_again(
        request,
        slug,
        meeting_id,
        title=_("Change the time or place"),
        intro=_("Everyone invited gets the new time or place in their calendar."),
        form=ChangeGovMeetingForm,
        initial=lambda m: {"starts_at": m.starts_at, "ends_at": m.ends_at, "place": m.place},
        act=actions.change_meeting,
        success=_("The meeting is changed. Everyone invited is told."),
    )


@login_required
def gov_meeting_cancel(request, slug, meeting_id):
    return _send_again(
        request,
        slug,
        meeting_id,
        title=_("Cancel the meeting"),
        intro=_("Everyone invited is told, and it is taken out of their calendar."),
        form=CancelGovMeetingForm,
        initial=lambda m: {},
        act=actions.cancel_meeting,
        success=_("The meeting is cancelled. Everyone invited is told."),
    )


@login_required
def agenda_suggest(request, slug, meeting_id):
    body, meeting, context = _meeting_form(
        request, slug, meeting_id, "suggest_agenda_item", _("Suggest an agenda item")
    )
    return submit(
        request,
        "collaboratives/form.html",
        context,
        AgendaItemForm(request.POST or None, items=items_seen_by(request.user, meeting)),
        lambda data: actions.suggest_item(request.user, meeting, request=request, **data),
        success=_("Thank you. The item is on the list."),
        done=meeting.get_absolute_url(),
    )


@login_required
@require_POST
def agenda_accept(request, slug, meeting_id, item_id):
    body = body_for(request, slug, "run_meeting")
    meeting = meeting_of(body, meeting_id)
    item = _item_or_404(request, meeting, item_id)
    return run_and_return(
        request,
        meeting,
        lambda: actions.accept_item(request.user, item, request=request),
        _("The item is on the agenda."),
    )


@login_required
def roll_call(request, slug, meeting_id):
    body, meeting, context = _meeting_form(request, slug, meeting_id, "run_meeting", _("Roll call"))
    holders = standing.seat_holders(body, meeting.day)
    roll = dict(meeting.roll.values_list("seat_id", "status"))
    form = RollCallForm(request.POST or None, holders=holders, roll=roll)
    return submit(
        request,
        "collaboratives/form.html",
        context,
        form,
        lambda data: actions.take_roll(request.user, meeting, form.attendance(), request=request),
        success=lambda q: (
            _("Roll call saved. Quorum: yes.")
            if q.is_quorate
            else _("Roll call saved. Quorum: no.")
        ),
        done=meeting.get_absolute_url(),
    )


@login_required
def motion_new(request, slug, meeting_id):
    body, meeting, context = _meeting_form(
        request, slug, meeting_id, "run_meeting", _("Record a motion")
    )
    form = MotionForm(
        request.POST or None,
        items=items_seen_by(request.user, meeting),
        holders=standing.seat_holders(body, meeting.day),
    )
    return submit(
        request,
        "collaboratives/form.html",
        context,
        form,
        lambda data: actions.make_motion(
            request.user, meeting, request=request, **form.action_fields()
        ),
        success=_("The motion is recorded."),
        done=lambda motion: reverse("motion_votes", args=[body.slug, meeting.pk, motion.pk]),
    )


@login_required
def motion_votes(request, slug, meeting_id, motion_id):
    body, meeting, context = _meeting_form(
        request, slug, meeting_id, "run_meeting", _("Record the votes")
    )
    motion = get_object_or_404(meeting.motions.select_related("item__parent"), pk=motion_id)
    confidential_or_404(request.user, request, body, motion, motion.is_confidential)
    form = VotesForm(request.POST or None, holders=standing.seat_holders(body, meeting.day))
    context["intro"] = motion.text
    return submit(
        request,
        "collaboratives/form.html",
        context,
        form,
        lambda data: actions.record_votes(request.user, motion, form.votes(), request=request),
        success=lambda m: (
            _("The votes are recorded: %(result)s.") % {"result": m.get_result_display()}
        ),
        done=meeting.get_absolute_url(),
    )


@login_required
def action_item_add(request, slug, meeting_id):
    body, meeting, context = _meeting_form(
        request, slug, meeting_id, "run_meeting", _("Add an action item")
    )
    form = ActionItemForm(request.POST or None, holders=standing.seat_holders(body, meeting.day))
    return submit(
        request,
        "collaboratives/form.html",
        context,
        form,
        lambda data: actions.add_action_item(
            request.user, meeting, request=request, **form.action_fields()
        ),
        success=_("The action item is added."),
        done=meeting.get_absolute_url(),
    )


# What the officer is told after each change of an action item's status.
ACTION_ITEM_CHANGES = {
    "done": gettext_lazy("The action item is done."),
    "dropped": gettext_lazy("The action item is dropped."),
    "open": gettext_lazy("The action item is open again."),
}


@login_required
@require_POST
def action_item_status(request, slug, meeting_id, action_id):
    """Done, dropped or open again, from the meeting page (one click, with the version seen)."""
    body = body_for(request, slug, "run_meeting")
    meeting = meeting_of(body, meeting_id)
    action = get_object_or_404(meeting.action_items, pk=action_id)
    status = request.POST.get("status", "")
    return run_and_return(
        request,
        meeting,
        lambda: actions.update_action_item(
            request.user,
            action,
            status=status,
            version=request.POST.get("version") or None,
            request=request,
        ),
        ACTION_ITEM_CHANGES.get(status, ""),
    )


@login_required
def minutes_edit(request, slug, meeting_id):
    """Officers draft the minutes; officers and those who attended amend the draft."""
    body = body_for(request, slug)
    meeting = meeting_of(body, meeting_id)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    officer = rules.can(request.user, "run_meeting", body)
    if not (officer or (minutes and attended(request.user, meeting))):
        raise PermissionDenied
    if request.method == "GET":
        record(request.user, "minutes_edit.view", meeting, request=request)
    if minutes and minutes.is_approved:
        return render(
            request, "collaboratives/minutes_locked.html", {"body": body, "meeting": meeting}
        )
    initial = {"text": minutes.text, "version": minutes.version} if minutes else None
    form = MinutesForm(request.POST or None, initial=initial)

    def act(data):
        if minutes is None:
            return actions.draft_minutes(request.user, meeting, text=data["text"], request=request)
        return actions.amend_minutes(
            request.user, minutes, text=data["text"], version=data["version"], request=request
        )

    title = _("Amend the draft minutes") if minutes else _("Draft the minutes")
    return submit(
        request,
        "collaboratives/form.html",
        {"title": title, "body": body, "back": meeting.get_absolute_url()},
        form,
        act,
        success=_("The minutes are saved."),
        done=meeting.get_absolute_url(),
    )


@login_required
def minutes_approve(request, slug, meeting_id):
    body, meeting, context = _meeting_form(
        request, slug, meeting_id, "run_meeting", _("Approve the minutes")
    )
    minutes = get_object_or_404(Minutes, meeting=meeting)
    if minutes.is_approved:
        return redirect(meeting)
    context["intro"] = _("Once approved, the minutes are locked and published.")
    return submit(
        request,
        "collaboratives/form.html",
        context,
        ApproveMinutesForm(
            request.POST or None,
            motions=motions_seen_by(request.user, body).filter(result=Motion.Result.CARRIED),
        ),
        lambda data: actions.approve_minutes(request.user, minutes, request=request, **data),
        success=_("The minutes are approved and published."),
        done=meeting.get_absolute_url(),
    )
