"""The parts of a draft: strengths, needs, goals (FHIR Goal), strategies (CarePlan.activity)."""

from typing import Literal

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField
from django.shortcuts import get_object_or_404
from ninja.responses import Status

from soc.api.schemas import EDIT_ERRORS

from .. import actions
from ..models import CrisisLine, Need
from . import serialize
from .base import PLANS, family_plan, router, shown, version_404
from .schemas import CrisisIn, PartChanges, PartIn, RevisionIn, VersionOut

Kind = Literal["strength", "need", "goal", "strategy"]


def _invalid(field):
    return ValidationError({field: ModelChoiceField.default_error_messages["invalid_choice"]})


def _values(family, version, kind, data):
    """The request's fields for this kind, ids turned into this family's records."""
    values = {k: v for k, v in data.items() if k in actions.PART_FIELDS[kind] and v is not None}
    if kind == "goal" and "needs" in values:
        needs = list(Need.objects.filter(version=version, pk__in=values["needs"]))
        if len(needs) != len(set(values["needs"])):
            raise _invalid("needs")
        values["needs"] = needs
    if kind == "strategy":
        if "goal" in values:
            values["goal"] = version.goals.filter(pk=values["goal"]).first()
            if values["goal"] is None:
                raise _invalid("goal")
        if "responsible" in values:
            values["responsible"] = family.team.memberships.filter(pk=values["responsible"]).first()
            if values["responsible"] is None:
                raise _invalid("responsible")
    return values


def _full(request, family, version):
    version = version_404(family, version.pk)
    return serialize.full(version, family, shown(request, family, version))


@router.post(
    "/families/{family_id}/plan/versions/{version_id}/parts/{kind}",
    response={201: VersionOut, **EDIT_ERRORS},
    tags=PLANS,
)
def add_plan_part(request, family_id: int, version_id: int, kind: Kind, payload: PartIn):
    """Add a strength, need, goal or strategy to a draft; answers the whole version."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    values = _values(family, version, kind, payload.model_dump(exclude_unset=True))
    actions.add_part(request.auth, version, kind, values, request=request)
    return Status(201, _full(request, family, version))


def _part(request, family, version, kind, part_id):
    Model = actions.PART_MODELS[kind]
    return get_object_or_404(
        Model.objects.visible_to(request.auth, family=family).filter(version=version), pk=part_id
    )


@router.patch(
    "/families/{family_id}/plan/versions/{version_id}/parts/{kind}/{part_id}",
    response={200: VersionOut, **EDIT_ERRORS},
    tags=PLANS,
)
def change_plan_part(
    request, family_id: int, version_id: int, kind: Kind, part_id: int, payload: PartChanges
):
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    part = _part(request, family, version, kind, part_id)
    data = payload.model_dump(exclude_unset=True, exclude={"revision"})
    actions.change_part(
        request.auth,
        part,
        revision=payload.revision,
        changes=_values(family, version, kind, data),
        request=request,
    )
    return _full(request, family, version)


@router.post(
    "/families/{family_id}/plan/versions/{version_id}/parts/{kind}/{part_id}/remove",
    response={200: VersionOut, **EDIT_ERRORS},
    tags=PLANS,
)
def remove_plan_part(
    request, family_id: int, version_id: int, kind: Kind, part_id: int, payload: RevisionIn
):
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    part = _part(request, family, version, kind, part_id)
    actions.remove_part(request.auth, part, revision=payload.revision, request=request)
    return _full(request, family, version)


@router.put(
    "/families/{family_id}/plan/versions/{version_id}/crisis-plan",
    response={200: VersionOut, **EDIT_ERRORS},
    tags=PLANS,
)
def save_crisis_plan(request, family_id: int, version_id: int, payload: CrisisIn):
    """The draft's crisis and safety plan, as a whole (`revision` of the one you read)."""
    family, _plan = family_plan(request, family_id)
    version = version_404(family, version_id)
    contacts = lines = None
    if payload.contacts is not None:
        contacts = list(family.team.memberships.filter(pk__in=payload.contacts))
        if len(contacts) != len(set(payload.contacts)):
            raise _invalid("contacts")
    if payload.lines is not None:
        lines = list(CrisisLine.objects.for_county(family.county_id).filter(pk__in=payload.lines))
        if len(lines) != len(set(payload.lines)):
            raise _invalid("lines")
    actions.save_crisis_plan(
        request.auth,
        version,
        revision=payload.revision,
        changes={k: getattr(payload, k) for k in actions.CRISIS_FIELDS},
        contacts=contacts,
        lines=lines,
        category=payload.category,
        request=request,
    )
    return _full(request, family, version)
