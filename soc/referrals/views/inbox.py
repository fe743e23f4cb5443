"""The provider's inbox: referrals to my organization's services, with only what families shared."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.consent.doors import refuse
from soc.paging import Paginator

from .. import queries
from ..states import Status
from .team import change_choices, change_from_form


@login_required
def referral_inbox(request):
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    page = Paginator(queries.inbox(request.user, status), 25).get_page(request.GET.get("page"))
    record(request.user, "referral_inbox.view", request=request)
    return render(
        request,
        "referrals/inbox.html",
        {"page": page, "status": status, "statuses": Status.choices},
    )


def _received_or_404(request, referral_id):
    referral = queries.received_referral(request.user, referral_id)
    if referral is None:
        refuse(request.user, request, "referrals.referral", referral_id)
    return referral


@login_required
def referral_received(request, referral_id):
    referral = _received_or_404(request, referral_id)
    # The family sees on "Who has looked" that the provider opened what it shared.
    record(
        request.user,
        "referral_received.view",
        ("referrals.referral", str(referral.pk)),
        family_id=referral.family_id,
        request=request,
    )
    context = {"referral": referral, **change_choices(request.user, referral)}
    return render(request, "referrals/received.html", context)


@login_required
@require_POST
def referral_received_change(request, referral_id):
    referral = _received_or_404(request, referral_id)
    return change_from_form(request, referral, reverse("referral_received", args=[referral.pk]))
