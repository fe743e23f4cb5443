"""Running a meeting through the API: agenda items, the roll call, motions and their votes,
action items. Each door finds what the request names and hands it to the page's action.

Refusals come from the actions: 403 without the right (a seat to suggest an item, an office to
run the meeting), 422 with a `code` when the meeting's rules say no (`no_quorum`, `not_voting`,
`not_member`, `decided`); 409 for an action item's status sent with a stale `version`. A
confidential item, or a motion on one, answers 404 to anyone without a seat, and is not among
the choices a request body may name."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field
from ninja.responses import Status

from soc.api.schemas import BODY_ERRORS, EDIT_ERRORS, ERRORS, Id, InputSchema, VersionIn, choices

from .. import actions
from ..models import ActionItem, Attendance, Motion, Seat, Vote
from ..views.base import items_seen_by
from .base import (
    MEETINGS,
    body_or_404,
    item_or_404,
    meeting_or_404,
    motion_or_404,
    pick,
    pick_seats,
    router,
)
from .meetings import (
    ActionItemOut,
    AgendaItemOut,
    MotionOut,
    RollOut,
    action_item_out,
    item_out,
    motion_out,
    quorum_out,
    roll_out,
)

MEETING = "/collaboratives/{slug}/meetings/{meeting_id}"


class AgendaItemIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=300)
    details: str = Field("", max_length=5000)
    is_confidential: bool = Field(False, description="Only those with a seat see it.")
    parent: Id | None = Field(None, description="The item of this meeting it goes under.")


class AttendanceIn(InputSchema):
    seat: Id
    status: choices(Attendance.Status)


class RollCallIn(InputSchema):
    attendance: list[AttendanceIn] = Field(..., min_length=1, max_length=500)


class MotionIn(InputSchema):
    text: str = Field(..., min_length=1, max_length=5000)
    mover: Id = Field(description="The mover's seat.")
    seconder: Id | None = Field(None, description="The seconder's seat.")
    item: Id | None = Field(None, description="The agenda item of this meeting it is about.")


class VoteIn(InputSchema):
    seat: Id
    choice: choices(Vote.Choice)


class VotesIn(InputSchema):
    votes: list[VoteIn] = Field(..., min_length=1, max_length=500)


class ActionItemIn(InputSchema):
    text: str = Field(..., min_length=1, max_length=300)
    owner: str = Field(..., min_length=1, max_length=150, description="Who, in words.")
    due_on: date | None = None
    owner_user: Id | None = Field(
        None, description="A seat holder's account: reminded by e-mail before the due date."
    )


class ActionItemStatusIn(VersionIn):
    status: choices(ActionItem.Status)


def _meeting(slug, meeting_id):
    return meeting_or_404(body_or_404(slug), meeting_id)


def _item_choice(request, meeting, pk, field):
    """An item of this meeting that the caller may see, named in a request body."""
    return pick(items_seen_by(request.auth, meeting), pk, field)


def _motion(motion):
    votes = Prefetch("votes", Vote.objects.order_by("pk"))
    return motion_out(Motion.objects.prefetch_related(votes).get(pk=motion.pk))


@router.post(MEETING + "/items", response={201: AgendaItemOut, **BODY_ERRORS}, tags=MEETINGS)
def suggest_agenda_item(request, slug: str, meeting_id: Id, payload: AgendaItemIn):
    """Anyone with a seat suggests an item; an officer's goes straight on the agenda."""
    meeting = _meeting(slug, meeting_id)
    parent = _item_choice(request, meeting, payload.parent, "parent")
    fields = payload.dict(exclude={"parent"})
    item = actions.suggest_item(request.auth, meeting, parent=parent, request=request, **fields)
    return Status(201, item_out(item))


@router.post(
    MEETING + "/items/{item_id}/accept", response={200: AgendaItemOut, **ERRORS}, tags=MEETINGS
)
def accept_agenda_item(request, slug: str, meeting_id: Id, item_id: Id):
    """An officer puts a suggested item on the agenda."""
    item = item_or_404(request, _meeting(slug, meeting_id), item_id)
    return item_out(actions.accept_item(request.auth, item, request=request))


@router.post(MEETING + "/roll", response={200: RollOut, **BODY_ERRORS}, tags=MEETINGS)
def take_roll_call(request, slug: str, meeting_id: Id, payload: RollCallIn):
    """An officer marks seats present, absent or excused (seats not named keep their mark);
    the answer says whether there is a quorum."""
    meeting = _meeting(slug, meeting_id)
    seats = pick_seats(payload.attendance, "attendance")
    attendance = {seat: row.status for seat, row in seats.items()}
    quorum = actions.take_roll(request.auth, meeting, attendance, request=request)
    return {"quorum": quorum_out(quorum), "attendance": roll_out(meeting.roll.order_by("seat_id"))}


@router.post(MEETING + "/motions", response={201: MotionOut, **BODY_ERRORS}, tags=MEETINGS)
def make_motion(request, slug: str, meeting_id: Id, payload: MotionIn):
    """An officer records a motion moved (and seconded) by members: 422 `no_quorum` without
    a quorum, for a mover or seconder not holding a seat of this body that day, and
    `not_voting` for one whose seat does not vote."""
    meeting = _meeting(slug, meeting_id)
    motion = actions.make_motion(
        request.auth,
        meeting,
        text=payload.text,
        mover=pick(Seat.objects.all(), payload.mover, "mover"),
        seconder=pick(Seat.objects.all(), payload.seconder, "seconder"),
        item=_item_choice(request, meeting, payload.item, "item"),
        request=request,
    )
    return Status(201, _motion(motion))


@router.post(
    MEETING + "/motions/{motion_id}/votes", response={200: MotionOut, **BODY_ERRORS}, tags=MEETINGS
)
def record_motion_votes(request, slug: str, meeting_id: Id, motion_id: Id, payload: VotesIn):
    """Each member's vote and the result (carried when more vote yes than no). 422
    `no_quorum`, `not_voting` for a non-voting seat, `not_member` for a seat not held on this
    body that day, `decided` once the votes are in; nothing is saved then."""
    meeting = _meeting(slug, meeting_id)
    motion = motion_or_404(request, meeting, motion_id)
    votes = {seat: row.choice for seat, row in pick_seats(payload.votes, "votes").items()}
    return _motion(actions.record_votes(request.auth, motion, votes, request=request))


@router.post(MEETING + "/action-items", response={201: ActionItemOut, **BODY_ERRORS}, tags=MEETINGS)
def add_action_item(request, slug: str, meeting_id: Id, payload: ActionItemIn):
    """Who does what by when; an owner with an account (a seat holder) is reminded by e-mail."""
    meeting = _meeting(slug, meeting_id)
    owner_user = pick(get_user_model().objects.all(), payload.owner_user, "owner_user")
    fields = payload.dict(exclude={"owner_user"})
    action = actions.add_action_item(
        request.auth, meeting, owner_user=owner_user, request=request, **fields
    )
    return Status(201, action_item_out(action))


@router.post(
    MEETING + "/action-items/{action_id}/status",
    response={200: ActionItemOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def change_action_item_status(
    request, slug: str, meeting_id: Id, action_id: Id, payload: ActionItemStatusIn
):
    """Open, done or dropped; 409 when it changed since `version` (when sent)."""
    action = get_object_or_404(_meeting(slug, meeting_id).action_items, pk=action_id)
    changed = actions.update_action_item(
        request.auth, action, status=payload.status, version=payload.version, request=request
    )
    return action_item_out(changed)
