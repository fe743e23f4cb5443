"""The State Collaborative's recommendations in the API: a public tracker; its officers draft
them, move them along (draft → adopted → in implementation → implemented, or withdrawn; any
other step is a 422 `transition`, and a 409 when it changed since the `version` sent), add
milestones and mark them done, and post dated updates; the agencies asked answer them. Drafts
are found only by the body's members and those who manage its recommendations; for anyone
else a draft answers 404, like a missing one."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.accounts.models import Organization
from soc.api.schemas import (
    BODY_ERRORS,
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    OrganizationOut,
    Pagination,
    Presented,
    VersionIn,
    choices,
)
from soc.consent.doors import refuse

from .. import actions, rules
from ..models import Barrier, Collaborative, Recommendation
from ..models.recommendations import AgencyResponse
from ..views.recommendations import public_recommendations, state_or_404
from .base import RECOMMENDATIONS, pick_all, router

REC = "/recommendations/{recommendation_id}"


class AgencyResponseIn(InputSchema):
    organization: int
    answer: choices(AgencyResponse.Answer)
    reasons: str = ""
    commitments: str = ""


class RecommendationIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=200)
    topic: choices(Recommendation.Topic)
    text: str = Field(..., min_length=1, max_length=20_000)
    rationale: str = Field("", max_length=20_000)
    barriers: list[Id] = Field(
        [], max_length=100, description="Barriers sent to the State Collaborative it answers."
    )
    agencies: list[Id] = Field([], max_length=100, description="Organizations asked to respond.")
    review_on: date | None = None


class MoveIn(VersionIn):
    status: choices(Recommendation.Status)


class MilestoneIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=200)
    due_on: date | None = None


class UpdateIn(InputSchema):
    text: str = Field(..., min_length=1, max_length=10_000)
    review_on: date | None = Field(None, description="The next review date, when it changes.")


class RecommendationOut(Schema):
    id: int
    title: str
    topic: str
    status: str
    version: int = Field(description="Send it back with a status change.")
    progress: int | None = Field(description="Percent of milestones done; 100 once implemented.")
    review_on: date | None
    responses: dict[str, str]


class MilestoneOut(Schema):
    id: int
    title: str
    due_on: date | None
    done: bool


class RecommendationDetail(RecommendationOut):
    text: str
    rationale: str
    barriers: list[int]
    agencies: list[OrganizationOut]
    milestones: list[MilestoneOut]
    created_at: datetime
    updated_at: datetime


class UpdateOut(Schema):
    id: int
    text: str
    author: str | None
    created_at: datetime


def _recommendation(r):
    return {
        "id": r.pk,
        "title": r.title,
        "topic": r.topic,
        "status": r.status,
        "version": r.version,
        "progress": r.progress(),
        "review_on": r.review_on,
        "responses": {resp.organization.name: resp.answer for resp in r.responses.all()},
    }


def _milestone(m):
    return {"id": m.pk, "title": m.title, "due_on": m.due_on, "done": m.done}


def _update(u):
    author = u.author.full_name if u.author_id else None
    return {"id": u.pk, "text": u.text, "author": author, "created_at": u.created_at}


def _detail(rec):
    r = Recommendation.objects.prefetch_related(
        "milestones", "responses__organization", "agencies", "barriers"
    ).get(pk=rec.pk)
    return {
        **_recommendation(r),
        "text": r.text,
        "rationale": r.rationale,
        "barriers": [b.pk for b in r.barriers.all()],
        "agencies": list(r.agencies.all()),
        "milestones": [_milestone(m) for m in r.milestones.all()],
        "created_at": r.created_at,
        "updated_at": r.updated_at,
    }


def _found(request, recommendation_id):
    """As on the pages: those who manage recommendations find every one; everyone else the
    public ones (drafts too for members of the State Collaborative)."""
    state = Collaborative.objects.state().first()
    if state is not None and rules.can(request.auth, "manage_recommendations", state):
        rows = Recommendation.objects.all()
    else:
        rows = public_recommendations(request.auth)
    found = rows.select_related("collaborative").filter(pk=recommendation_id).first()
    if found is None:
        refuse(request.auth, request, "collaboratives.recommendation", recommendation_id)
    return found


@router.get(
    "/recommendations", response={200: list[RecommendationOut], **ERRORS}, tags=RECOMMENDATIONS
)
@paginate(Pagination)
def list_recommendations(request):
    """The tracker: drafts only for members of the State Collaborative."""
    return Presented(public_recommendations(request.auth), _recommendation)


@router.post(
    "/recommendations", response={201: RecommendationDetail, **BODY_ERRORS}, tags=RECOMMENDATIONS
)
def draft_recommendation(request, payload: RecommendationIn):
    """The State Collaborative's officers draft one, naming the barriers it answers and the
    agencies asked to respond."""
    state = state_or_404()
    barriers = pick_all(Barrier.objects.filter(escalated_to=state), payload.barriers, "barriers")
    agencies = pick_all(Organization.objects.all(), payload.agencies, "agencies")
    fields = payload.dict(exclude={"barriers", "agencies"})
    rec = actions.draft_recommendation(
        request.auth, state, barriers=barriers, agencies=agencies, request=request, **fields
    )
    return Status(201, _detail(rec))


@router.get(REC, response={200: RecommendationDetail, **ERRORS}, tags=RECOMMENDATIONS)
def get_recommendation(request, recommendation_id: Id):
    """One recommendation: its text, the agencies' answers and its milestones."""
    return _detail(_found(request, recommendation_id))


@router.post(
    REC + "/status", response={200: RecommendationDetail, **EDIT_ERRORS}, tags=RECOMMENDATIONS
)
def move_recommendation(request, recommendation_id: Id, payload: MoveIn):
    """The next step on the tracker (422 `transition` for any other); 409 when it changed
    since `version` (when sent)."""
    rec = _found(request, recommendation_id)
    actions.move_recommendation(
        request.auth, rec, status=payload.status, version=payload.version, request=request
    )
    return _detail(rec)


@router.post(REC + "/milestones", response={201: MilestoneOut, **BODY_ERRORS}, tags=RECOMMENDATIONS)
def add_recommendation_milestone(request, recommendation_id: Id, payload: MilestoneIn):
    rec = _found(request, recommendation_id)
    milestone = actions.add_milestone(request.auth, rec, request=request, **payload.dict())
    return Status(201, _milestone(milestone))


@router.post(
    REC + "/milestones/{milestone_id}/done",
    response={200: MilestoneOut, **ERRORS},
    tags=RECOMMENDATIONS,
)
def complete_recommendation_milestone(request, recommendation_id: Id, milestone_id: Id):
    milestone = get_object_or_404(_found(request, recommendation_id).milestones, pk=milestone_id)
    return _milestone(actions.complete_milestone(request.auth, milestone, request=request))


@router.get(REC + "/updates", response={200: list[UpdateOut], **ERRORS}, tags=RECOMMENDATIONS)
@paginate(Pagination)
def list_recommendation_updates(request, recommendation_id: Id):
    """Dated updates on the work, newest first."""
    rec = _found(request, recommendation_id)
    return Presented(rec.updates.select_related("author").order_by("-created_at", "-id"), _update)


@router.post(REC + "/updates", response={201: UpdateOut, **BODY_ERRORS}, tags=RECOMMENDATIONS)
def post_recommendation_update(request, recommendation_id: Id, payload: UpdateIn):
    """A dated update on the work, and the next review date when it changes."""
    rec = _found(request, recommendation_id)
    update = actions.post_update(request.auth, rec, request=request, **payload.dict())
    return Status(201, _update(update))


@router.post(
    REC + "/responses", response={200: RecommendationOut, **BODY_ERRORS}, tags=RECOMMENDATIONS
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
