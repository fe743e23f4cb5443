"""A body's meetings: listed, scheduled, moved and cancelled (everyone invited is told), and one
meeting whole: agenda, quorum, motions and votes, action items, approved minutes.

Confidential agenda items, and the motions on them, are shown only to those with a seat."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms import Field as FormField
from ninja import Field, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import (
    BODY_ERRORS,
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    Moment,
    Pagination,
    Presented,
    VersionIn,
    changes_of,
    choices,
)
from soc.audit.log import record

from .. import actions, standing
from ..models import ActionItem, AgendaItem, Attendance, Minutes, Motion, Vote
from ..views.meetings import agenda_tree
from .base import MEETINGS, body_or_404, insider, meeting_or_404, router


class GovMeetingIn(InputSchema):
    starts_at: Moment
    ends_at: Moment | None = Field(None, description="Two hours after the start when omitted.")
    place: str = Field("", max_length=300, description="A place or a video link.")


GovMeetingChanges = changes_of(
    GovMeetingIn, "GovMeetingChanges", "A new time or place for a collaborative's meeting."
)


class AgendaItemOut(Schema):
    id: int
    title: str
    details: str
    status: choices(AgendaItem.Status)
    is_confidential: bool
    parent: int | None
    children: list["AgendaItemOut"]


class VoteOut(Schema):
    seat: int
    choice: choices(Vote.Choice)


class MotionOut(Schema):
    id: int
    text: str
    item: int | None = Field(description="The agenda item it is about.")
    mover: int = Field(description="The mover's seat.")
    seconder: int | None
    result: choices(Motion.Result)
    votes: list[VoteOut]


class ActionItemOut(Schema):
    id: int
    text: str
    owner: str
    due_on: date | None
    status: choices(ActionItem.Status)
    version: int = Field(description="Send it back with a status change.")


class AttendanceOut(Schema):
    seat: int
    status: choices(Attendance.Status)


class QuorumOut(Schema):
    quorate: bool
    voting_seats: int = Field(description="Voting seats held on the day of the meeting.")
    voting_present: int
    needed: int
    needs_family: bool = Field(description="The body's quorum also needs a family member.")
    family_present: bool


class RollOut(Schema):
    quorum: QuorumOut
    attendance: list[AttendanceOut]


class GovMeetingSummary(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    place: str
    cancelled: bool


class GovMeetingOut(GovMeetingSummary):
    version: int
    quorate: bool
    quorum: QuorumOut
    attendance: list[AttendanceOut] | None = Field(
        description="Who came, by seat; null without a seat on the body."
    )
    agenda: list[AgendaItemOut]
    motions: list[MotionOut]
    action_items: list[ActionItemOut]
    minutes: str | None = Field(description="Approved minutes; drafts only with a seat.")


def linked_items(meeting):
    """The meeting's agenda items, each one's parent taken from the same list (one query,
    however deep the agenda goes)."""
    items = list(meeting.items.all())
    by_pk = {item.pk: item for item in items}
    for item in items:
        if item.parent_id in by_pk:
            item.parent = by_pk[item.parent_id]
    return items


def item_out(item, kids=()):
    return {
        "id": item.pk,
        "title": item.title,
        "details": item.details,
        "status": item.status,
        "is_confidential": item.is_confidential,
        "parent": item.parent_id,
        "children": [item_out(kid, kid.kids) for kid in kids],
    }


def motion_out(motion):
    return {
        "id": motion.pk,
        "text": motion.text,
        "item": motion.item_id,
        "mover": motion.mover_id,
        "seconder": motion.seconder_id,
        "result": motion.result,
        "votes": [{"seat": v.seat_id, "choice": v.choice} for v in motion.votes.all()],
    }


def action_item_out(action):
    return {
        "id": action.pk,
        "text": action.text,
        "owner": action.owner,
        "due_on": action.due_on,
        "status": action.status,
        "version": action.version,
    }


def quorum_out(quorum):
    return {
        "quorate": quorum.is_quorate,
        "voting_seats": quorum.voting_seats,
        "voting_present": quorum.voting_present,
        "needed": quorum.needed,
        "needs_family": quorum.needs_family,
        "family_present": quorum.family_present,
    }


def roll_out(roll):
    return [{"seat": row.seat_id, "status": row.status} for row in roll]


def summary(meeting):
    return {
        "id": meeting.pk,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.finishes_at,
        "place": meeting.place,
        "cancelled": meeting.is_cancelled,
    }


def meeting_detail(request, meeting):
    """The meeting as its page shows it, in a fixed number of queries; a look at its
    confidential items is recorded, as on the page."""
    body = meeting.collaborative
    inside = insider(request, body)
    items = linked_items(meeting)
    hidden = {item.pk for item in items if item.is_hidden_from_public}
    if inside and hidden:
        record(request.auth, "gov_meeting.confidential", meeting, request=request)
    quorum = standing.Quorum(meeting)
    motions = meeting.motions.prefetch_related(Prefetch("votes", Vote.objects.order_by("pk")))
    minutes = Minutes.objects.filter(meeting=meeting).first()
    return {
        **summary(meeting),
        "version": meeting.version,
        "quorate": quorum.is_quorate,
        "quorum": quorum_out(quorum),
        "attendance": roll_out(meeting.roll.order_by("seat_id")) if inside else None,
        "agenda": [item_out(i, i.kids) for i in agenda_tree(items, inside)],
        "motions": [motion_out(m) for m in motions if inside or m.item_id not in hidden],
        "action_items": [action_item_out(a) for a in meeting.action_items.all()],
        "minutes": minutes.text if minutes and (minutes.is_approved or inside) else None,
    }


@router.get(
    "/collaboratives/{slug}/meetings",
    response={200: list[GovMeetingSummary], **ERRORS},
    tags=MEETINGS,
)
@paginate(Pagination)
def list_collaborative_meetings(
    request, slug: str, when: Query[Literal["upcoming", "past"] | None] = None
):
    """A body's meetings, latest first; `when=upcoming` lists those to come, soonest first."""
    meetings = body_or_404(slug).meetings.all()
    if when == "upcoming":
        meetings = meetings.upcoming().order_by("starts_at", "pk")
    elif when == "past":
        meetings = meetings.past().order_by("-starts_at", "-pk")
    return Presented(meetings.order_by("-starts_at", "-pk") if when is None else meetings, summary)


@router.get(
    "/collaboratives/{slug}/meetings/{meeting_id}",
    response={200: GovMeetingOut, **ERRORS},
    tags=MEETINGS,
)
def get_collaborative_meeting(request, slug: str, meeting_id: Id):
    """The agenda (confidential items only for those with a seat), the quorum, motions and
    votes, action items and approved minutes."""
    return meeting_detail(request, meeting_or_404(body_or_404(slug), meeting_id))


@router.post(
    "/collaboratives/{slug}/meetings",
    response={201: GovMeetingOut, **BODY_ERRORS},
    tags=MEETINGS,
)
def schedule_collaborative_meeting(request, slug: str, payload: GovMeetingIn):
    """Officers schedule a meeting; each seat holder with an account gets an invitation."""
    body = body_or_404(slug)
    meeting = actions.schedule_meeting(request.auth, body, request=request, **payload.dict())
    return Status(201, meeting_detail(request, meeting_or_404(body, meeting.pk)))


@router.patch(
    "/collaboratives/{slug}/meetings/{meeting_id}",
    response={200: GovMeetingOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def change_collaborative_meeting(request, slug: str, meeting_id: Id, payload: GovMeetingChanges):
    """A new time or place: everyone invited gets it in their calendar. 422 once the meeting
    is over or cancelled; 409 when it changed since `version`."""
    meeting = meeting_or_404(body_or_404(slug), meeting_id)
    wanted = {
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        **payload.model_dump(exclude_unset=True, exclude={"version"}),
    }
    if wanted["starts_at"] is None:
        raise ValidationError({"starts_at": FormField.default_error_messages["required"]})
    wanted["place"] = wanted["place"] or ""
    actions.change_meeting(
        request.auth, meeting, version=payload.version, request=request, **wanted
    )
    return meeting_detail(request, meeting_or_404(meeting.collaborative, meeting.pk))


@router.post(
    "/collaboratives/{slug}/meetings/{meeting_id}/cancel",
    response={200: GovMeetingOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def cancel_collaborative_meeting(
    request, slug: str, meeting_id: Id, payload: VersionIn | None = None
):
    """Everyone invited is told, and it is taken out of their calendar."""
    meeting = meeting_or_404(body_or_404(slug), meeting_id)
    version = payload.version if payload else None
    actions.cancel_meeting(request.auth, meeting, version=version, request=request)
    return meeting_detail(request, meeting_or_404(meeting.collaborative, meeting.pk))
