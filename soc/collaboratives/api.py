"""Collaboratives in the JSON API: bodies and seats, meetings (confidential items only with a
seat), barriers from a team to the state, and recommendations with agency responses.
Every change goes through collaboratives.actions; no response carries a family."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from soc.accounts.models import Organization
from soc.api.schemas import BODY_ERRORS, ERRORS, InputSchema, Pagination, Presented, choices
from soc.audit.log import record
from soc.consent.doors import family_or_404

from . import actions, rules, standing
from .models import Barrier, Collaborative, Recommendation
from .models.recommendations import AgencyResponse
from .views.meetings import agenda_tree
from .views.recommendations import public_recommendations

router = Router(tags=["collaboratives"])


class SeatHolderOut(Schema):
    seat_type: str
    is_voting: bool
    is_reserved: bool
    holder: str | None
    organization: str
    office: str


class CollaborativeOut(Schema):
    slug: str
    name: str
    level: str
    kind: str
    parent: str | None
    counties: list[str]
    meets: str


class CollaborativeDetail(CollaborativeOut):
    seats: list[SeatHolderOut]
    warnings: list[str]


class AgendaItemOut(Schema):
    id: int
    title: str
    is_confidential: bool
    children: list["AgendaItemOut"]


class GovMeetingOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    quorate: bool
    agenda: list[AgendaItemOut]
    minutes: str | None


class BarrierOut(Schema):
    id: int
    body: str
    county: str | None
    description: str
    status: str
    reason: str
    work_group: str | None


class EscalateBarrierIn(InputSchema):
    to: str = Field(..., description="The slug of the State Collaborative.")
    note: str = ""


class DecideBarrierIn(InputSchema):
    decision: choices(Barrier.Status)
    reason: str
    work_group: str | None = None


class RaiseBarrierIn(InputSchema):
    description: str = Field(..., min_length=1, max_length=2000)


class AgencyResponseIn(InputSchema):
    organization: int
    answer: choices(AgencyResponse.Answer)
    reasons: str = ""
    commitments: str = ""


class RecommendationOut(Schema):
    id: int
    title: str
    topic: str
    status: str
    progress: int | None
    review_on: date | None
    responses: dict[str, str]


def _body(body):
    return {
        "slug": body.slug,
        "name": body.name,
        "level": body.level,
        "kind": body.kind,
        "parent": body.parent.slug if body.parent_id else None,
        "counties": [c.name for c in body.counties.all()],
        "meets": body.meets,
    }


def _barrier(b):
    return {
        "id": b.pk,
        "body": b.body.slug,
        "county": b.county.name if b.county_id else None,
        "description": b.description,
        "status": b.status,
        "reason": b.reason,
        "work_group": b.work_group.slug if b.work_group_id else None,
    }


def _items(items):
    return [
        {
            "id": i.pk,
            "title": i.title,
            "is_confidential": i.is_confidential,
            "children": _items(i.kids),
        }
        for i in items
    ]


@router.get("/collaboratives", response={200: list[CollaborativeOut], **ERRORS})
@paginate(Pagination)
def list_collaboratives(request):
    """Every body and work group."""
    bodies = Collaborative.objects.select_related("parent").prefetch_related("counties")
    return Presented(bodies.order_by("level", "name", "pk"), _body)


@router.get("/collaboratives/{slug}", response={200: CollaborativeDetail, **ERRORS})
def get_collaborative(request, slug: str):
    """A body, its seats (vacancies as null holders) and the warnings about its own rules."""
    body = get_object_or_404(Collaborative.objects.select_related("parent"), slug=slug)
    holders = standing.seat_holders(body)
    seats = [
        {
            "seat_type": s.seat_type,
            "is_voting": s.is_voting,
            "is_reserved": s.is_reserved,
            "holder": t.holder_name if t else None,
            "organization": t.organization if t else "",
            "office": t.office if t else "",
        }
        for s, t in holders
    ]
    return {**_body(body), "seats": seats, "warnings": standing.rule_warnings(body, holders)}


@router.get("/collaboratives/{slug}/meetings/{meeting_id}", response={200: GovMeetingOut, **ERRORS})
def get_collaborative_meeting(request, slug: str, meeting_id: int):
    """The agenda (confidential items only for those with a seat) and approved minutes."""
    body = get_object_or_404(Collaborative, slug=slug)
    meeting = get_object_or_404(body.meetings, pk=meeting_id)
    insider = rules.can(request.auth, "see_confidential", body)
    minutes = getattr(meeting, "minutes", None)
    items = list(meeting.items.select_related("parent"))
    if insider and any(i.is_hidden_from_public for i in items):  # as the meeting page does
        record(request.auth, "gov_meeting.confidential", meeting, request=request)
    return {
        "id": meeting.pk,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.finishes_at,
        "cancelled": meeting.is_cancelled,
        "quorate": standing.Quorum(meeting).is_quorate,
        "agenda": _items(agenda_tree(items, insider)),
        "minutes": minutes.text if minutes and (minutes.is_approved or insider) else None,
    }


@router.post("/families/{family_id}/barriers", response={201: BarrierOut, **BODY_ERRORS})
def raise_barrier(request, family_id: int, payload: RaiseBarrierIn):
    """A team member raises a barrier for the family's county; the answer carries no family."""
    family = family_or_404(request, family_id)
    barrier = actions.raise_barrier(request.auth, family, request=request, **payload.dict())
    return 201, _barrier(barrier)


def _barrier_of(slug, barrier_id):
    return get_object_or_404(
        Barrier.objects.select_related("body", "county", "work_group"),
        body__slug=slug,
        pk=barrier_id,
    )


@router.post(
    "/collaboratives/{slug}/barriers/{barrier_id}/escalate",
    response={200: BarrierOut, **BODY_ERRORS},
)
def escalate_barrier(request, slug: str, barrier_id: int, payload: EscalateBarrierIn):
    """To the State Collaborative only (422 for any other body)."""
    barrier = _barrier_of(slug, barrier_id)
    to = get_object_or_404(Collaborative, slug=payload.to)
    return _barrier(
        actions.escalate_barrier(request.auth, barrier, to=to, note=payload.note, request=request)
    )


@router.post(
    "/collaboratives/{slug}/barriers/{barrier_id}/decide", response={200: BarrierOut, **BODY_ERRORS}
)
def decide_barrier(request, slug: str, barrier_id: int, payload: DecideBarrierIn):
    """The State Collaborative accepts (with a work group), merges or declines, with a reason."""
    barrier = _barrier_of(slug, barrier_id)
    group = (
        get_object_or_404(Collaborative, slug=payload.work_group) if payload.work_group else None
    )
    decided = actions.decide_barrier(
        request.auth,
        barrier,
        decision=payload.decision,
        reason=payload.reason,
        work_group=group,
        request=request,
    )
    return _barrier(
        Barrier.objects.select_related("body", "county", "work_group").get(pk=decided.pk)
    )


def _recommendation(r):
    return {
        "id": r.pk,
        "title": r.title,
        "topic": r.topic,
        "status": r.status,
        "progress": r.progress(),
        "review_on": r.review_on,
        "responses": {resp.organization.name: resp.answer for resp in r.responses.all()},
    }


@router.get("/recommendations", response={200: list[RecommendationOut], **ERRORS})
@paginate(Pagination)
def list_recommendations(request):
    """The tracker: drafts only for members of the State Collaborative."""
    return Presented(public_recommendations(request.auth), _recommendation)


@router.post(
    "/recommendations/{recommendation_id}/responses",
    response={200: RecommendationOut, **BODY_ERRORS},
)
def respond_to_recommendation(request, recommendation_id: int, payload: AgencyResponseIn):
    """An agency asked to respond answers (staff of that agency, or an officer recording it)."""
    rec = get_object_or_404(public_recommendations(request.auth), pk=recommendation_id)
    organization = get_object_or_404(Organization, pk=payload.organization)
    actions.respond(
        request.auth,
        rec,
        organization=organization,
        answer=payload.answer,
        reasons=payload.reasons,
        commitments=payload.commitments,
        request=request,
    )
    return _recommendation(
        Recommendation.objects.prefetch_related("milestones", "responses__organization").get(
            pk=rec.pk
        )
    )
