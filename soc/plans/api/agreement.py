"""Proposing a version, the family's agreement, acknowledgement, and progress ratings."""

from django.shortcuts import get_object_or_404
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import EDIT_ERRORS, ERRORS, Pagination
from soc.consent.disclosures import collect
from soc.consent.doors import record_view
from soc.teams.models import Meeting

from .. import actions, queries
from ..models import Goal, ProgressRating
from . import serialize
from .base import PLANS, family_plan, router, version_404
from .schemas import AgreeIn, AgreementOut, RatingIn, RatingOut, SeenIn, VersionSummary


@router.post(
    "/families/{family_id}/plan/versions/{version_id}/propose",
    response={200: VersionSummary, **EDIT_ERRORS},
    tags=PLANS,
)
def propose_plan(request, family_id: int, version_id: int, payload: SeenIn):
    """The facilitator asks the family to agree (422 with every unmet rule)."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    version = actions.propose_plan(
        request.auth, version, seen_version=payload.version, request=request
    )
    return serialize.summary(version_404(family, version.pk), family)


def _agreement(request, family, version):
    version = version_404(family, version.pk)
    return serialize.agreement(version, queries.agreement_status(version))


@router.get(
    "/families/{family_id}/plan/versions/{version_id}/agreement",
    response={200: AgreementOut, **ERRORS},
    tags=PLANS,
)
def get_plan_agreement(request, family_id: int, version_id: int):
    """Who must agree to this version as it stands, and their answers."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    record_view(request, "plan.api_agreement", version, family.pk, user=request.auth)
    return _agreement(request, family, version)


@router.post(
    "/families/{family_id}/plan/versions/{version_id}/agreement",
    response={201: AgreementOut, **EDIT_ERRORS},
    tags=PLANS,
)
def agree_to_plan(request, family_id: int, version_id: int, payload: AgreeIn):
    """Agree or disagree with the version you read (`version`; 409 if it changed since)."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    answer = {"agrees": payload.agrees, "typed_name": payload.typed_name, "reason": payload.reason}
    if payload.member is None:
        actions.agree_to_plan(
            request.auth, version, seen_version=payload.version, request=request, **answer
        )
    else:
        actions.record_agreement(
            request.auth,
            version,
            seen_version=payload.version,
            member=get_object_or_404(family.team.memberships, pk=payload.member),
            method=payload.method,
            request=request,
            **answer,
        )
    return Status(201, _agreement(request, family, version))


@router.post(
    "/families/{family_id}/plan/versions/{version_id}/acknowledge",
    response={200: AgreementOut, **EDIT_ERRORS},
    tags=PLANS,
)
def acknowledge_plan(request, family_id: int, version_id: int, payload: SeenIn):
    """A professional on the team has read this version."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    actions.acknowledge_plan(request.auth, version, seen_version=payload.version, request=request)
    return _agreement(request, family, version)


@router.get(
    "/families/{family_id}/plan/goals/{goal_id}/ratings",
    response={200: list[RatingOut], **ERRORS},
    tags=PLANS,
)
@paginate(Pagination)
def list_goal_ratings(request, family_id: int, goal_id: int):
    """Progress on one goal at each meeting, across versions, oldest first."""
    family, _plan = family_plan(request, family_id)
    goal = get_object_or_404(Goal.objects.visible_to(request.auth, family=family), pk=goal_id)
    record_view(request, "plan.api_ratings", goal, family.pk, user=request.auth)
    ratings = (
        ProgressRating.objects.visible_to(request.auth, family=family)
        .filter(goal_key=goal.key)
        .select_related("meeting")
        .order_by("meeting__starts_at", "id")
    )
    return _Ratings(ratings, request)


class _Ratings:
    def __init__(self, queryset, request):
        self.queryset, self.request = queryset, request

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        rows = list(self.queryset[index])
        for row in rows:
            collect(self.request, row)
        return [serialize.rating(r) for r in rows]


@router.post(
    "/families/{family_id}/meetings/{meeting_id}/progress",
    response={201: RatingOut, **EDIT_ERRORS},
    tags=PLANS,
)
def rate_progress(request, family_id: int, meeting_id: int, payload: RatingIn):
    """Note progress on a goal of the plan in effect at this meeting (again: replaces it)."""
    family, _plan = family_plan(request, family_id)
    meeting = get_object_or_404(Meeting.objects.filter(family=family), pk=meeting_id)
    goal = get_object_or_404(
        Goal.objects.visible_to(request.auth, family=family).select_related("version"),
        pk=payload.goal,
    )
    rating = actions.rate_progress(
        request.auth, meeting, goal, payload.model_dump(exclude={"goal"}), request=request
    )
    rating = ProgressRating.objects.select_related("meeting").get(pk=rating.pk)
    return Status(201, serialize.rating(rating))
