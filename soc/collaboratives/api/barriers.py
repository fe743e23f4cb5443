"""Barriers in the API: raised by a family's team (the answer carries no family), escalated
by a local body to the State Collaborative, and decided there."""

from django.shortcuts import get_object_or_404
from ninja import Field, Schema
from ninja.responses import Status

from soc.api.schemas import BODY_ERRORS, InputSchema, choices
from soc.consent.doors import family_or_404

from .. import actions
from ..models import Barrier, Collaborative
from .base import router


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


@router.post("/families/{family_id}/barriers", response={201: BarrierOut, **BODY_ERRORS})
def raise_barrier(request, family_id: int, payload: RaiseBarrierIn):
    """A team member raises a barrier for the family's county; the answer carries no family."""
    family = family_or_404(request, family_id)
    barrier = actions.raise_barrier(request.auth, family, request=request, **payload.dict())
    return Status(201, _barrier(barrier))


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
