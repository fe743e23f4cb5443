from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from soc.audit.log import record
from soc.consent import policy
from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.families.models import Family
from soc.paging import Paginator

from ..models import Meeting, Membership, NextStep

# "Due soon" on My tasks and the home page: the next two weeks, and everything overdue.
SOON = timedelta(days=14)
HOME_TASKS = 5


def my_open_steps(user, *, soon_only=True):
    """Open next steps assigned to the user across all their families, soonest first,
    through the policy (a step the user may not read is not listed, even if theirs)."""
    steps = NextStep.objects.visible_to(user).open().assigned_to(user)
    if soon_only:
        steps = steps.filter(due_date__lte=timezone.localdate() + SOON)
    return steps.select_related("family", "responsible__team").order_by("due_date", "id")


def _with_update_flags(user, steps):
    """Each step's `can_update`, from the policy, without one query per family: the steps
    were filtered to the user's own active memberships, which are the policy's answer."""
    policy.prime_memberships(user, [step.responsible for step in steps])
    for step in steps:
        step.can_update = policy.can(user, "update_next_step", step)
    return steps


def _show_steps(request, steps, door_detail):
    steps = _with_update_flags(request.user, list(steps))
    disclose(request.user, steps, door="page", request=request)
    record(
        request.user,
        "next_step.list",
        ("teams.nextstep", ""),
        request=request,
        detail={"steps": [s.pk for s in steps], **door_detail},
    )
    return steps


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
    tasks = _with_update_flags(user, list(my_open_steps(user)[: HOME_TASKS + 1]))
    my_tasks = tasks[:HOME_TASKS]
    disclose(user, my_tasks, door="page", request=request)
    # One event for the page (each costs a chain read and an insert on every visit): the
    # families listed and the next steps shown.
    record(
        user,
        "family.list",
        ("families.family", ""),
        request=request,
        detail={"families": shown, "steps": [s.pk for s in my_tasks], "door": "home"},
    )
    context = {
        "page": page,
        "upcoming": upcoming,
        "my_tasks": my_tasks,
        "more_tasks": len(tasks) > HOME_TASKS,
        "part2_notice": PART2_NOTICE if needs_part2_notice(my_tasks) else None,
        "can": {"open_family": policy.can(user, "open_family", None)},
    }
    return render(request, "teams/home.html", context)


@login_required
def my_tasks(request):
    """The next steps assigned to me, across all my families: overdue first, then due soon.
    `?all=1` shows every open step of mine, however far off."""
    show_all = request.GET.get("all") == "1"
    steps = my_open_steps(request.user, soon_only=not show_all)
    page = Paginator(steps, 25).get_page(request.GET.get("page"))
    shown = _show_steps(request, page.object_list, {"door": "my_tasks"})
    today = timezone.localdate()
    context = {
        "page": page,
        "overdue": [s for s in shown if s.due_date < today],
        "due": [s for s in shown if s.due_date >= today],
        "show_all": show_all,
        "soon_days": SOON.days,
        "part2_notice": PART2_NOTICE if needs_part2_notice(shown) else None,
    }
    return render(request, "teams/my_tasks.html", context)
