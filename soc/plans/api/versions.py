"""The plan and its versions."""

from django.http import Http404
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import EDIT_ERRORS, ERRORS, Pagination
from soc.consent.doors import record_view

from .. import actions
from ..models import PlanVersion
from . import serialize
from .base import PLANS, family_plan, router, shown, version_404
from .schemas import PlanOut, SettingsIn, VersionChanges, VersionOut, VersionSummary


def _plan_or_404(request, family_id):
    family, plan = family_plan(request, family_id)
    if plan is None:
        raise Http404
    return family, plan


@router.get("/families/{family_id}/plan", response={200: PlanOut, **ERRORS}, tags=PLANS)
def get_plan(request, family_id: int):
    """The family's plan: the version in effect and the one being worked on."""
    family, plan = _plan_or_404(request, family_id)
    record_view(request, "plan.api_view", plan, family.pk, user=request.auth)
    versions = list(
        plan.versions.exclude(status=PlanVersion.Status.SUPERSEDED).select_related("author")
    )
    in_effect = next((v for v in versions if v.is_in_effect), None)
    open_version = next((v for v in versions if v.is_editable), None)
    return serialize.plan(plan, family, in_effect, open_version)


@router.patch("/families/{family_id}/plan", response={200: PlanOut, **EDIT_ERRORS}, tags=PLANS)
def change_plan_settings(request, family_id: int, payload: SettingsIn):
    """From what age youth are asked to agree (caregivers and the facilitator)."""
    family, plan = _plan_or_404(request, family_id)
    actions.change_plan_settings(
        request.auth,
        plan,
        seen_version=payload.version,
        youth_agreement_age=payload.youth_agreement_age,
        request=request,
    )
    return get_plan(request, family_id)


@router.post(
    "/families/{family_id}/plan/drafts",
    response={200: VersionOut, 201: VersionOut, **ERRORS},
    tags=PLANS,
)
def start_draft(request, family_id: int):
    """The open draft (200), or a new one copied from the version in effect (201)."""
    family, _plan = family_plan(request, family_id)
    existing = PlanVersion.objects.filter(family=family, status__in=PlanVersion.OPEN).exists()
    draft = actions.start_draft(request.auth, family, request=request)
    draft = version_404(family, draft.pk)
    body = serialize.full(draft, family, shown(request, family, draft))
    return Status(200 if existing else 201, body)


@router.get(
    "/families/{family_id}/plan/versions",
    response={200: list[VersionSummary], **ERRORS},
    tags=PLANS,
)
@paginate(Pagination)
def list_plan_versions(request, family_id: int):
    """Every version, newest first (FHIR CarePlan without its parts)."""
    family, plan = family_plan(request, family_id)
    record_view(request, "plan.api_list", family, family.pk, user=request.auth)
    if plan is None:
        return []
    return _Summaries(plan.versions.select_related("author").order_by("-number"), family)


class _Summaries:
    """A lazily sliced queryset whose rows come out as summaries (pagination slices it)."""

    def __init__(self, queryset, family):
        self.queryset, self.family = queryset, family

    def __len__(self):
        return self.queryset.count()

    def count(self):
        return self.queryset.count()

    def __getitem__(self, index):
        return [serialize.summary(v, self.family) for v in self.queryset[index]]


@router.get(
    "/families/{family_id}/plan/versions/{version_id}",
    response={200: VersionOut, **ERRORS},
    tags=PLANS,
)
def get_plan_version(request, family_id: int, version_id: int):
    """One version with the parts the caller may read (FHIR CarePlan)."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    return serialize.full(version, family, shown(request, family, version))


@router.patch(
    "/families/{family_id}/plan/versions/{version_id}",
    response={200: VersionOut, **EDIT_ERRORS},
    tags=PLANS,
)
def change_plan_version(request, family_id: int, version_id: int, payload: VersionChanges):
    """The vision, mission and dates of a draft; a version in effect answers 422 (in_effect)."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    actions.change_version(
        request.auth, version, seen_version=payload.version, changes=changes, request=request
    )
    version = version_404(family, version_id)
    return serialize.full(version, family, shown(request, family, version))
