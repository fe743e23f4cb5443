"""What a version needs before the facilitator may propose it, and who must agree to it.

Messages never quote a part: the proposer may not be allowed to read every one of them.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from soc.teams.models import Membership

from .models import Goal, Need, Strategy


def proposal_problems(version):
    """{field: message} of what stops this version from being proposed (empty when ready)."""
    problems = {}
    if not version.strengths.exists():
        problems["strengths"] = _(
            "Add at least one strength of the child, the family or the community."
        )
    goals = list(version.goals.exclude(lifecycle_status=Goal.Lifecycle.CANCELLED))
    if not goals:
        problems["goals"] = _("Add at least one goal.")
    covered = set(
        Strategy.objects.filter(
            version=version, responsible__status=Membership.Status.ACTIVE
        ).values_list("goal_id", flat=True)
    )
    missing = [g for g in goals if g.pk not in covered and g.is_open]
    if missing:
        problems["strategies"] = ngettext(
            "One goal has no strategy with someone on the team responsible for it.",
            "%(count)d goals have no strategy with someone on the team responsible for it.",
            len(missing),
        ) % {"count": len(missing)}
    removed = Strategy.objects.filter(version=version).exclude(
        responsible__status=Membership.Status.ACTIVE
    )
    if removed.exists():
        problems["responsible"] = _(
            "A strategy is assigned to someone who is no longer on the team. Choose someone else."
        )
    early = [g for g in goals if g.target_date and g.target_date < version.start_date]
    if early:
        problems["target_date"] = _("A goal's target date is before the plan starts.")
    has_safety_need = version.needs.filter(domain=Need.Domain.SAFETY).exists()
    crisis = getattr(version, "crisis_plan", None)
    if has_safety_need and (crisis is None or crisis.is_empty):
        problems["crisis_plan"] = _(
            "There is a safety need, so the plan needs a crisis and safety plan."
        )
    return problems


def youth_is_old_enough(member, plan, today=None):
    """Youth are asked from the plan's age; a youth whose birthday is not recorded is asked."""
    person = member.person
    if person is None or person.date_of_birth is None:
        return True
    return person.age(today or timezone.localdate()) >= plan.youth_agreement_age


def who_must_agree(version):
    """The active caregivers, and the youth from the plan's age."""
    members = (
        version.plan.family.team.memberships.active()
        .filter(role__in=Membership.FAMILY_ROLES)
        .select_related("person", "user")
    )
    return [
        m
        for m in members
        if m.role == Membership.Role.CAREGIVER or youth_is_old_enough(m, version.plan)
    ]


def answers(version, members=None):
    """{membership id: latest Agreement} for the version as it stands now."""
    latest = {}
    answered = version.agreements.filter(content_version=version.version).select_related("user")
    for agreement in answered.order_by("at", "id"):
        latest[agreement.membership_id] = agreement
    return latest


def everyone_agreed(version):
    needed = who_must_agree(version)
    latest = answers(version)
    return bool(needed) and all(m.pk in latest and latest[m.pk].agrees for m in needed)
