"""Reviewing the plan at a meeting: progress on each active goal, the family's rating first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from soc.consent.disclosures import disclose
from soc.consent.doors import family_for, record_view, require
from soc.teams.models import Meeting
from soc.uswds import add_action_errors

from .. import actions
from ..forms import RatingForm
from ..models import Goal, ProgressRating
from .base import plan_of


def _goals(user, family, version):
    return list(
        Goal.objects.visible_to(user, family=family).filter(
            version=version, lifecycle_status__in=[Goal.Lifecycle.ACTIVE, Goal.Lifecycle.PROPOSED]
        )
    )


@login_required
def plan_review(request, family_id, meeting_id):
    family = family_for(request, family_id, audit=False)
    meeting = get_object_or_404(Meeting.objects.filter(family=family), pk=meeting_id)
    require(request, family, "rate_progress")
    plan = plan_of(family)
    version = plan.versions.in_effect().first() if plan else None
    goals = _goals(request.user, family, version) if version else []
    keys = [g.key for g in goals]
    ratings = ProgressRating.objects.visible_to(request.user, family=family).filter(
        goal_key__in=keys
    )
    here = {r.goal_key: r for r in ratings if r.meeting_id == meeting.pk}
    last = {}
    for rating in (
        ratings.exclude(meeting=meeting).select_related("meeting").order_by("meeting__starts_at")
    ):
        last[rating.goal_key] = rating
    rows = []
    for goal in goals:
        form = RatingForm(request.POST or None, prefix=f"g{goal.pk}", instance=here.get(goal.key))
        rows.append({"goal": goal, "form": form, "last": last.get(goal.key)})
    if request.method == "POST":
        saved = _save(request, meeting, rows)
        if saved is not None:
            messages.success(
                request, _("Progress was saved for %(count)d goals.") % {"count": saved}
            )
            return redirect(reverse("meeting", args=[family.pk, meeting.pk]))
    else:
        record_view(request, "plan.review", meeting, family.pk)
    disclose(
        request.user,
        goals + list(here.values()) + list(last.values()),
        door="page",
        request=request,
    )
    context = {"family": family, "meeting": meeting, "version": version, "rows": rows}
    return render(request, "plans/review.html", context)


def _save(request, meeting, rows):
    """All goals or none: one transaction for the page; returns how many were rated."""
    filled = [row for row in rows if row["form"].is_valid() and _has_answer(row["form"])]
    if any(not row["form"].is_valid() for row in rows):
        return None
    current = None
    try:
        with transaction.atomic():
            for current in filled:
                actions.rate_progress(
                    request.user,
                    meeting,
                    current["goal"],
                    current["form"].cleaned_data,
                    request=request,
                )
    except ValidationError as error:
        add_action_errors(current["form"], error)
        return None
    return len(filled)


def _has_answer(form):
    data = form.cleaned_data
    return data.get("family_rating") is not None or data.get("team_rating") is not None
