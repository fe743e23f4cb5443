"""Barriers: raised from a family's team, recorded, escalated and decided in public view."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from soc.consent.doors import family_for
from soc.form_pages import submit

from .. import actions, evidence, rules
from ..actions.barriers import county_body
from ..forms_governance import BarrierForm, DecideForm, EscalateForm, RaiseBarrierForm
from ..models import Barrier
from .base import body_for, body_or_404, can


@login_required
def barrier_raise(request, family_id):
    """A team member raises a systemic barrier for the family's county (the family's door)."""
    family = family_for(request, family_id, "raise_barrier")
    return submit(
        request,
        "collaboratives/barrier_raise.html",
        {"family": family, "body": county_body(family.county_id)},
        RaiseBarrierForm(request.POST or None),
        lambda data: actions.raise_barrier(request.user, family, request=request, **data),
        success=_("Thank you. The local collaborative will see it, without your family's name."),
        done=family.get_absolute_url(),
    )


PAGE = 25


def barrier_list(request, slug):
    body = body_or_404(slug)
    barriers = Barrier.objects.filter(body=body) | Barrier.objects.filter(escalated_to=body)
    context = {
        "body": body,
        "page": Paginator(barriers.select_related("county", "body").distinct(), PAGE).get_page(
            request.GET.get("page")
        ),
        "can": can(request.user, body),
    }
    return render(request, "collaboratives/barriers.html", context)


def barrier(request, slug, barrier_id):
    """Public: the words, the county, every step, the evidence (suppressed)."""
    body = body_or_404(slug)
    item = get_object_or_404(
        Barrier.objects.filter(body=body).select_related("county", "escalated_to", "work_group"),
        pk=barrier_id,
    )
    county_ids = [item.county_id] if item.county_id else body.counties.values_list("pk", flat=True)
    state = item.escalated_to
    context = {
        "body": body,
        "barrier": item,
        "steps": item.steps.all(),
        "unmet": evidence.unmet_needs(county_ids),
        "declines": evidence.referral_decline_counts(county_ids),
        "may_escalate": rules.can(request.user, "record_barrier", body)
        and item.status in (Barrier.Status.RAISED, Barrier.Status.RECORDED),
        "may_decide": state is not None
        and item.status == Barrier.Status.ESCALATED
        and rules.can(request.user, "decide_barrier", state),
    }
    return render(request, "collaboratives/barrier.html", context)


@login_required
def barrier_new(request, slug):
    body = body_for(request, slug, "record_barrier")
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Record a barrier"), "body": body},
        BarrierForm(request.POST or None, body=body),
        lambda data: actions.record_barrier(request.user, body, request=request, **data),
        success=_("The barrier is recorded."),
        done=lambda b: b.get_absolute_url(),
    )


@login_required
def barrier_escalate(request, slug, barrier_id):
    body = body_for(request, slug, "record_barrier")
    item = get_object_or_404(Barrier.objects.filter(body=body), pk=barrier_id)
    return submit(
        request,
        "collaboratives/form.html",
        {
            "title": _("Send to the State Collaborative"),
            "body": body,
            "back": item.get_absolute_url(),
        },
        EscalateForm(request.POST or None),
        lambda data: actions.escalate_barrier(request.user, item, request=request, **data),
        success=_("The barrier is sent to the State Collaborative."),
        done=item.get_absolute_url(),
    )


@login_required
def barrier_decide(request, slug, barrier_id):
    body = body_or_404(slug)
    item = get_object_or_404(Barrier.objects.filter(body=body), pk=barrier_id)
    state = item.escalated_to
    body_for(request, state.slug if state else slug, "decide_barrier")
    return submit(
        request,
        "collaboratives/form.html",
        {
            "title": _("Decide on the barrier"),
            "body": body,
            "intro": item.description,
            "back": item.get_absolute_url(),
        },
        DecideForm(request.POST or None, barrier=item),
        lambda data: actions.decide_barrier(request.user, item, request=request, **data),
        success=_("The decision is saved. The team that raised it will see it."),
        done=item.get_absolute_url(),
    )
