"""A meeting's minutes through the API: drafted by an officer, amended by those who attended
(409 when someone saved since your `version`), approved by a carried motion, then locked
(422 `locked`) and public. Drafts are read only by those with a seat or who run the meeting."""

from datetime import datetime

from django.http import Http404
from ninja import Field, Schema
from ninja.responses import Status

from soc.api.schemas import BODY_ERRORS, EDIT_ERRORS, ERRORS, Id, InputSchema, Version, choices
from soc.consent.doors import refuse

from .. import actions, rules
from ..models import Minutes
from ..views.base import motions_seen_by
from .base import (
    MEETINGS,
    body_or_404,
    insider,
    meeting_or_404,
    pick,
    router,
)

MINUTES = "/collaboratives/{slug}/meetings/{meeting_id}/minutes"


class MinutesOut(Schema):
    meeting: int
    text: str
    status: choices(Minutes.Status)
    version: int
    approved_by: int | None = Field(description="The carried motion that approved them.")
    approved_at: datetime | None


class MinutesIn(InputSchema):
    text: str = Field(..., min_length=1, max_length=100_000)


class AmendMinutesIn(MinutesIn):
    version: Version


class ApproveMinutesIn(InputSchema):
    motion: Id = Field(description="A carried motion of this body.")


def _out(minutes):
    minutes = Minutes.objects.get(pk=minutes.pk)  # as saved
    return {
        "meeting": minutes.meeting_id,
        "text": minutes.text,
        "status": minutes.status,
        "version": minutes.version,
        "approved_by": minutes.approved_by_id,
        "approved_at": minutes.approved_at,
    }


def _minutes_or_404(request, slug, meeting_id):
    """Approved minutes are public; a draft answers 404 (recorded) to anyone who neither holds
    a seat nor runs the body's meetings."""
    meeting = meeting_or_404(body_or_404(slug), meeting_id)
    minutes = getattr(meeting, "minutes", None)  # knows its meeting: no query for it
    if minutes is None:
        raise Http404
    body = meeting.collaborative
    if not minutes.is_approved and not (
        insider(request, body) or rules.can(request.auth, "run_meeting", body)
    ):
        refuse(request.auth, request, "collaboratives.minutes", minutes.pk)
    return minutes


@router.get(MINUTES, response={200: MinutesOut, **ERRORS}, tags=MEETINGS)
def get_collaborative_minutes(request, slug: str, meeting_id: Id):
    """The minutes, with the `version` an amendment needs."""
    return _out(_minutes_or_404(request, slug, meeting_id))


@router.post(MINUTES, response={201: MinutesOut, **BODY_ERRORS}, tags=MEETINGS)
def draft_collaborative_minutes(request, slug: str, meeting_id: Id, payload: MinutesIn):
    """An officer writes the first draft (422 when there are minutes already: amend them)."""
    meeting = meeting_or_404(body_or_404(slug), meeting_id)
    minutes = actions.draft_minutes(request.auth, meeting, text=payload.text, request=request)
    return Status(201, _out(minutes))


@router.patch(MINUTES, response={200: MinutesOut, **EDIT_ERRORS}, tags=MEETINGS)
def amend_collaborative_minutes(request, slug: str, meeting_id: Id, payload: AmendMinutesIn):
    """Officers, and members who were present, change the draft; each change keeps the text
    before it. Approved minutes are locked (422 `locked`)."""
    minutes = _minutes_or_404(request, slug, meeting_id)
    actions.amend_minutes(
        request.auth, minutes, text=payload.text, version=payload.version, request=request
    )
    return _out(minutes)


@router.post(MINUTES + "/approve", response={200: MinutesOut, **BODY_ERRORS}, tags=MEETINGS)
def approve_collaborative_minutes(request, slug: str, meeting_id: Id, payload: ApproveMinutesIn):
    """Approved by a carried motion of the same body (422 `not_carried` otherwise), then
    locked and published."""
    minutes = _minutes_or_404(request, slug, meeting_id)
    body = minutes.meeting.collaborative
    motion = pick(motions_seen_by(request.auth, body), payload.motion, "motion")
    actions.approve_minutes(request.auth, minutes, motion=motion, request=request)
    return _out(minutes)
