"""What the plan pages share: finding the plan and a version through the family's door."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from soc.consent import policy
from soc.consent.doors import family_for, record_view, require

from .. import actions
from ..models import Plan, PlanVersion

PLAN_ACTIONS = (
    "edit_plan",
    "propose_plan",
    "agree_to_plan",
    "acknowledge_plan",
    "change_plan_settings",
    "record_agreement_on_behalf",
    "rate_progress",
    "add_next_step",
    "raise_barrier",
)


def plan_of(family):
    return Plan.objects.filter(family=family).first()


def version_of(family, version_id):
    """One version of this family's plan (versions are not protected; their parts may be)."""
    return get_object_or_404(
        PlanVersion.objects.filter(family=family).select_related("plan"), pk=version_id
    )


def family_and_version(request, family_id, version_id, action=None, audit=True):
    """The family (404), its version (404), then the action (403): objects are looked up
    before the right is checked, so a guessed id answers 404 like any unknown one."""
    family = family_for(request, family_id, audit=False)
    version = version_of(family, version_id)
    if action is not None:
        require(request, family, action)
    if audit and request.method == "GET":
        record_view(request, f"{request.resolver_match.url_name}.view", version, family.pk)
    return family, version


def can(user, family):
    return policy.flags(user, family, PLAN_ACTIONS)


def kind_or_404(kind):
    if kind not in actions.PART_MODELS:
        raise Http404
    return actions.PART_MODELS[kind]
