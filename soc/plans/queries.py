"""Reading a version as one reader may see it: a fixed number of queries, whatever its size.

Every part comes through `visible_to(user, family)`; what the reader may not see is counted,
never shown, so the page can say that protected parts exist without saying what they are.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils import timezone

from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.teams.models import NextStep

from . import readiness
from .models import (
    Agreement,
    CrisisPlan,
    Goal,
    Need,
    PlanVersion,
    ProgressRating,
    Strategy,
    Strength,
)
from .rendering import render_text


@dataclass
class Contents:
    version: PlanVersion
    strengths: list
    needs: list
    goals: list
    strategies: list
    crisis_plan: CrisisPlan | None
    hidden: int = 0
    by_about: dict = field(default_factory=dict)

    @property
    def shown(self):
        parts = [*self.strengths, *self.needs, *self.goals, *self.strategies]
        return parts + ([self.crisis_plan] if self.crisis_plan else [])

    @property
    def part2_notice(self):
        return PART2_NOTICE if needs_part2_notice(self.shown) else None

    def text(self):
        return render_text(
            self.version,
            strengths=self.strengths,
            needs=self.needs,
            goals=self.goals,
            strategies=self.strategies,
            crisis_plan=self.crisis_plan,
        )


def contents(user, family, version, *, steps=True):
    """The parts of `version` that `user` may read, goals with their strategies attached."""
    readable = {
        model: model.objects.visible_to(user, family=family).filter(version=version)
        for model in (Strength, Need, Goal, Strategy, CrisisPlan)
    }
    needs = list(readable[Need])
    goals = list(
        readable[Goal].prefetch_related(
            Prefetch("needs", queryset=Need.objects.visible_to(user, family=family))
        )
    )
    strategies = readable[Strategy].select_related("responsible")
    if steps:
        strategies = strategies.prefetch_related(
            Prefetch(
                "steps",
                queryset=NextStep.objects.visible_to(user, family=family).select_related(
                    "responsible"
                ),
            )
        )
    strategies = list(strategies)
    by_goal = {}
    for strategy in strategies:
        by_goal.setdefault(strategy.goal_id, []).append(strategy)
    for goal in goals:
        goal.shown_strategies = by_goal.get(goal.pk, [])
    crisis = readable[CrisisPlan].prefetch_related("contacts", "lines").first()
    strengths = list(readable[Strength])
    total = sum(
        model.objects.filter(version=version).count() for model in (Strength, Need, Goal, Strategy)
    )
    result = Contents(
        version=version,
        strengths=strengths,
        needs=needs,
        goals=goals,
        strategies=strategies,
        crisis_plan=crisis,
        hidden=total - len(strengths) - len(needs) - len(goals) - len(strategies),
    )
    for strength in strengths:
        result.by_about.setdefault(strength.get_about_display(), []).append(strength)
    return result


def shown_to(request, family, version, door="page", **kwargs):
    """contents() and the disclosure log entry for what it shows."""
    result = contents(request.user, family, version, **kwargs)
    disclose(request.user, result.shown, door=door, request=request)
    return result


@dataclass
class AgreementStatus:
    needed: list  # memberships who must agree, each with `.answer` (Agreement or None)
    acknowledgements: list

    @property
    def agreed(self):
        return [m for m in self.needed if m.answer and m.answer.agrees]

    @property
    def disagreed(self):
        return [m for m in self.needed if m.answer and not m.answer.agrees]

    @property
    def waiting(self):
        return [m for m in self.needed if m.answer is None]


def agreement_status(version):
    needed = readiness.who_must_agree(version)
    latest = readiness.answers(version)
    for member in needed:
        member.answer = latest.get(member.pk)
    acknowledgements = list(
        version.acknowledgements.filter(content_version=version.version).select_related(
            "membership"
        )
    )
    return AgreementStatus(needed=needed, acknowledgements=acknowledgements)


def answers_by_version(versions):
    """Each version's answers as it last stood, one per family member, in one query: what the
    history lists beside each version (answers recorded on a member's behalf say so)."""
    by_version = {v.pk: {} for v in versions}
    final = {v.pk: v.version for v in versions}
    agreements = (
        Agreement.objects.filter(version__in=list(by_version))
        .select_related("membership", "user")
        .order_by("at", "id")
    )
    for agreement in agreements:
        if agreement.content_version == final[agreement.version_id]:
            by_version[agreement.version_id][agreement.membership_id] = agreement
    return {pk: list(answers.values()) for pk, answers in by_version.items()}


def goal_history(user, family, goal_key):
    """Ratings of one goal across versions, oldest first, that the user may read."""
    return list(
        ProgressRating.objects.visible_to(user, family=family)
        .filter(goal_key=goal_key)
        .select_related("meeting")
        .order_by("meeting__starts_at", "id")
    )


def review_state(version, today=None):
    """'overdue', 'soon' or '' for the plan in effect."""
    today = today or timezone.localdate()
    if version is None or not version.is_in_effect:
        return ""
    if version.is_overdue_for_review(today):
        return "overdue"
    return "soon" if version.is_due_for_review(today) else ""


def unmet_need_counts(county_ids=None):
    """Unmet needs in plans in effect, counted by county, barrier and life area.

    For the referrals and collaboratives reports: counts only, never a family, a person or a
    need's words. Small counts are suppressed by whoever shows them (collaboratives).
    """
    needs = Need.objects.filter(version__status=PlanVersion.Status.IN_EFFECT, is_unmet=True)
    if county_ids is not None:
        needs = needs.filter(family__county_id__in=county_ids)
    rows = (
        needs.values("family__county_id", "barrier", "domain")
        .annotate(count=Count("id"))
        .order_by("family__county_id", "barrier", "domain")
    )
    return [
        {
            "county_id": row["family__county_id"],
            "barrier": row["barrier"],
            "domain": row["domain"],
            "count": row["count"],
        }
        for row in rows
    ]
