"""Reading the plan: the version in effect (or the draft), any version, history, a goal's chart."""

import difflib

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from soc.consent import policy
from soc.consent.disclosures import disclose
from soc.consent.doors import family_for, record_view

from .. import charts, pdf, queries, readiness
from ..forms import StepForm
from ..models import Goal, PlanVersion, ProgressRating
from .base import can, plan_of, version_of


def _page(request, family, version, plan):
    user = request.user
    me = policy.membership_for(user, family.pk)
    record_view(request, "plan.view", version, family.pk)
    shown = queries.shown_to(request, family, version)
    status = queries.agreement_status(version)
    open_version = plan.versions.open().first()
    in_effect = plan.versions.in_effect().first()
    flags = can(user, family)
    asked = me is not None and any(m.pk == me.pk for m in status.needed)
    if flags["add_next_step"] and version.status in (
        version.Status.DRAFT,
        version.Status.IN_EFFECT,
    ):
        members = list(family.team.memberships.active())
        for strategy in shown.strategies:
            strategy.step_form = StepForm(prefix=f"s{strategy.pk}", members=members)
    # Reading the plan in effect while a new version waits for them: say so first.
    asked_open = (
        open_version is not None
        and open_version != version
        and open_version.is_proposed
        and me is not None
        and any(m.pk == me.pk for m in readiness.who_must_agree(open_version))
        and not readiness.answers(open_version).get(me.pk)
    )
    context = {
        "family": family,
        "plan": plan,
        "version": version,
        "asked_open": asked_open,
        "contents": shown,
        "status": status,
        "open_version": open_version,
        "in_effect": in_effect,
        "review": queries.review_state(in_effect),
        "is_family": me is not None and me.is_family,
        "can": flags,
        # A family reading what it was asked to agree to answers it, not edits it: the
        # team changes a proposed version with them (editing sends it back to draft).
        "editable": version.is_editable
        and flags["edit_plan"]
        and not (version.is_proposed and me is not None and me.is_family),
        "asked": asked and version.is_proposed,
        "my_answer": next((m.answer for m in status.needed if me and m.pk == me.pk), None),
        "acknowledged": any(
            a.membership_id == getattr(me, "pk", None) for a in status.acknowledgements
        ),
        "problems": (
            _proposal_problems(version) if version.is_draft and flags["propose_plan"] else {}
        ),
    }
    return render(request, "plans/plan.html", context)


def _proposal_problems(version):
    return readiness.proposal_problems(version)


@login_required
def plan(request, family_id):
    """The plan in effect, or the draft the team is working on; an offer to start one."""
    family = family_for(request, family_id, audit=False)
    plan = plan_of(family)
    version = None
    if plan is not None:
        version = plan.versions.in_effect().first() or plan.versions.order_by("-number").first()
    if version is None:
        record_view(request, "plan.view", family, family.pk)
        return render(
            request, "plans/no_plan.html", {"family": family, "can": can(request.user, family)}
        )
    return _page(request, family, version, plan)


@login_required
def plan_version(request, family_id, version_id):
    family = family_for(request, family_id, audit=False)
    version = version_of(family, version_id)
    return _page(request, family, version, version.plan)


@login_required
def plan_history(request, family_id):
    """Every version, and the difference between any two, as this reader may see them."""
    family = family_for(request, family_id, audit=False)
    plan = plan_of(family)
    versions = list(plan.versions.order_by("-number")) if plan else []
    record_view(request, "plan.history", family, family.pk)
    answers = queries.answers_by_version(versions)
    for v in versions:
        v.answers = answers[v.pk]
    by_number = {v.number: v for v in versions}
    diff = None
    older = newer = None
    if len(versions) >= 2:
        newer = by_number.get(_number(request.GET.get("b")), versions[0])
        older = by_number.get(_number(request.GET.get("a")), newer.based_on or versions[1])
        if older is not None and older != newer:
            a = queries.shown_to(request, family, older, steps=False)
            b = queries.shown_to(request, family, newer, steps=False)
            diff = _difference(a.text(), b.text())
    context = {
        "family": family,
        "plan": plan,
        "versions": versions,
        "older": older,
        "newer": newer,
        "diff": diff,
    }
    return render(request, "plans/history.html", context)


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _difference(old_lines, new_lines):
    """Lines marked added, removed or the same, for a reader, not a programmer."""
    rows = []
    for line in difflib.ndiff(old_lines, new_lines):
        mark, text = line[:1], line[2:]
        if mark == "?" or not text.strip():
            continue
        rows.append({"kind": {"+": "added", "-": "removed"}.get(mark, "same"), "text": text})
    return rows


@login_required
def plan_goal(request, family_id, goal_id):
    """One goal's progress over time: a chart and the same numbers in a table."""
    family = family_for(request, family_id, audit=False)
    goal = get_object_or_404(
        Goal.objects.visible_to(request.user, family=family).select_related("version"),
        pk=goal_id,
    )
    record_view(request, "plan.goal", goal, family.pk)
    ratings = queries.goal_history(request.user, family, goal.key)
    disclose(request.user, [goal, *ratings], door="page", request=request)
    versions = PlanVersion.objects.filter(goals__key=goal.key).order_by("number")
    context = {
        "family": family,
        "goal": goal,
        "ratings": ratings,
        "chart": charts.goal_chart_svg(ratings),
        "versions": list(versions),
    }
    return render(request, "plans/goal.html", context)


@login_required
def plan_pdf(request, family_id, version_id):
    """?lang=en or es; the family's language by default."""
    family = family_for(request, family_id, audit=False)
    version = version_of(family, version_id)
    language = request.GET.get("lang") or family.primary_language
    language = language if language in ("en", "es") else "en"
    record_view(request, "plan.pdf", version, family.pk)
    shown = queries.shown_to(request, family, version, door="pdf", steps=False)
    ratings = {}
    keys = [g.key for g in shown.goals]
    readable = ProgressRating.objects.visible_to(request.user, family=family).filter(
        goal_key__in=keys
    )
    for rating in readable.select_related("meeting").order_by("meeting__starts_at", "id"):
        ratings.setdefault(rating.goal_key, []).append(rating)
    content = pdf.plan_pdf(
        shown, queries.agreement_status(version), ratings, family=family, language=language
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="plan-{family.pk}-v{version.number}-{language}.pdf"'
    )
    return response
