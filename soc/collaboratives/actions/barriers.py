"""Barriers: raised by a team (county and words only), recorded and escalated by a local body,
decided by the State Collaborative, and the raising team told of the outcome."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from soc.audit.log import record

from ..models import Barrier, BarrierStep, Collaborative
from .base import audit, require

LOCAL_ORDER = [
    Collaborative.Kind.COMMUNITY,
    Collaborative.Kind.CFT_ADVISORY,
    Collaborative.Kind.JCPC,
    Collaborative.Kind.CCPT,
]


def county_body(county_id):
    """The local body a team's barrier goes to: its county's Community Collaborative first."""
    bodies = Collaborative.objects.local().filter(parent=None, counties=county_id)
    return min(bodies, key=lambda b: (LOCAL_ORDER.index(b.kind), b.pk), default=None)


def _step(barrier, user, note=""):
    BarrierStep.objects.create(barrier=barrier, status=barrier.status, note=note, by=user)


@transaction.atomic
def raise_barrier(user, family, *, description, request=None):
    """From a family's team to its county's body: the county and the words, never the family."""
    if not family.can(user, "raise_barrier"):
        raise PermissionDenied
    body = county_body(family.county_id)
    if body is None:
        raise ValidationError(_("There is no local collaborative for this county yet."))
    barrier = Barrier.objects.create(
        body=body,
        county_id=family.county_id,
        description=description,
        status=Barrier.Status.RAISED,
        raised_by_team=family.team,
    )
    _step(barrier, None)  # who raised it stays on the family's side (its audit log)
    record(user, "barrier.raise", barrier, family_id=family.pk, request=request)
    return barrier


@transaction.atomic
def record_barrier(user, body, *, description, county=None, request=None):
    require(user, "record_barrier", body)
    if body.is_state or body.is_work_group:
        raise ValidationError(_("Barriers are recorded by a local body."))
    barrier = Barrier.objects.create(body=body, county=county, description=description)
    _step(barrier, user)
    audit(user, "barrier.record", barrier, request)
    return barrier


@transaction.atomic
def escalate_barrier(user, barrier, *, to, note="", request=None):
    """Only to the State Collaborative, and only once."""
    require(user, "record_barrier", barrier.body)
    barrier = Barrier.objects.select_for_update().get(pk=barrier.pk)
    if not to.is_state:
        raise ValidationError(
            {"to": _("A barrier is escalated to the State Collaborative only.")}, code="not_state"
        )
    if barrier.status not in (Barrier.Status.RAISED, Barrier.Status.RECORDED):
        raise ValidationError(_("This barrier was already sent on."), code="already")
    barrier.status, barrier.escalated_to = Barrier.Status.ESCALATED, to
    barrier.save(update_fields=["status", "escalated_to"])
    _step(barrier, user, note)
    audit(user, "barrier.escalate", barrier, request)
    return barrier


def _may_merge_into(other, barrier, state):
    return other is not None and other.pk != barrier.pk and other.escalated_to_id == state.pk


@transaction.atomic
def decide_barrier(
    user, barrier, *, decision, reason, work_group=None, merged_into=None, request=None
):
    """The State Collaborative accepts (and assigns a work group), merges or declines, with a reason."""
    barrier = (
        Barrier.objects.select_for_update(of=("self",))
        .select_related("escalated_to")
        .get(pk=barrier.pk)
    )
    state = barrier.escalated_to
    if barrier.status != Barrier.Status.ESCALATED or state is None:
        raise ValidationError(_("Only a barrier sent to the State Collaborative is decided."))
    require(user, "decide_barrier", state)
    if decision not in Barrier.DECISIONS:
        raise ValidationError({"decision": _("Choose accept, merge or decline.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, in a few words.")})
    if work_group is not None and (not work_group.is_work_group or work_group.top() != state):
        raise ValidationError({"work_group": _("Choose a work group of the State Collaborative.")})
    if merged_into is not None:  # as saved, not as the caller last saw it
        merged_into = Barrier.objects.filter(pk=merged_into.pk).first()
    if decision == Barrier.Status.MERGED and not _may_merge_into(merged_into, barrier, state):
        raise ValidationError({"merged_into": _("Choose another barrier sent to the state.")})
    barrier.status, barrier.reason = decision, reason
    barrier.work_group = work_group if decision == Barrier.Status.ACCEPTED else None
    barrier.merged_into = merged_into if decision == Barrier.Status.MERGED else None
    barrier.save(update_fields=["status", "reason", "work_group", "merged_into"])
    _step(barrier, user, reason)
    audit(user, "barrier.decide", barrier, request, detail={"decision": decision})
    return barrier


def raised_by_team(team):
    """What the team raised and what became of it, for the team's own page."""
    return Barrier.objects.filter(raised_by_team=team).select_related("body", "work_group")
