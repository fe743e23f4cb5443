from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from soc.audit.log import record
from soc.consent import policy
from soc.families.models import Family

from ..models import Meeting, Membership, NextStep


@login_required
def home(request):
    """My families: every family whose team I am on, with what is coming up.

    The counts are worked out for the families on this page only, through the policy's
    filters, so protected next steps count only where I may read them.
    """
    user = request.user
    families = Family.objects.visible_to(user).open().select_related("county")
    page = Paginator(families.order_by("display_name", "id"), 25).get_page(request.GET.get("page"))
    shown = [f.pk for f in page]
    open_steps = dict(
        NextStep.objects.visible_to(user)
        .open()
        .filter(family_id__in=shown)
        .values_list("family_id")
        .annotate(n=Count("id"))
    )
    waiting = dict(
        Membership.objects.filter(team__family_id__in=shown, status=Membership.Status.PROPOSED)
        .values_list("team__family_id")
        .annotate(n=Count("id"))
    )
    for family in page:
        family.open_steps = open_steps.get(family.pk, 0)
        family.waiting = waiting.get(family.pk, 0)
    upcoming = (
        Meeting.objects.of_my_teams(user)
        .filter(status=Meeting.Status.SCHEDULED, ends_at__gte=timezone.now())
        .select_related("family")
        .order_by("starts_at")[:5]
    )
    record(
        user, "family.list", ("families.family", ""), request=request, detail={"families": shown}
    )
    context = {
        "page": page,
        "upcoming": upcoming,
        "can": {"open_family": policy.can(user, "open_family", None)},
    }
    return render(request, "teams/home.html", context)
