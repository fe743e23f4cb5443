"""A plan for the `cast` family (see the project's conftest.py), built through the actions.

Version 1 is in effect (agreed by Maria and Leo); version 2 is proposed. Each version has a
general strength, a safety need, a general goal with a strategy, a crisis plan, and a
substance-use goal that Maria wrote (only the family reads it).
"""

from datetime import timedelta

from django.utils import timezone

from soc.plans import actions
from soc.plans.models import Goal


def fill_draft(cast, draft, *, secret=True):
    user = cast.facilitator
    actions.change_version(
        user,
        draft,
        seen_version=draft.version,
        changes={"vision": "Ana and Leo safe and happy at home", "mission": "Help the Riveras"},
    )
    actions.add_part(
        user,
        draft,
        "strength",
        {"about": "family", "description": "Maria cooks with the kids", "named_by": "Maria"},
    )
    need = actions.add_part(
        user,
        draft,
        "need",
        {"rank": 1, "description": "Calm evenings", "domain": "safety", "setting": "home"},
    )
    goal = actions.add_part(
        user,
        draft,
        "goal",
        {
            "description": "Leo sleeps at home every night",
            "how_we_will_know": "Seven nights a week for a month",
            "target_date": timezone.localdate() + timedelta(days=60),
            "needs": [need],
        },
    )
    actions.add_part(
        user,
        draft,
        "strategy",
        {
            "goal": goal,
            "description": "Weekly family therapy",
            "kind": "formal",
            "responsible": cast.member_membership,
        },
    )
    if secret:
        hidden = actions.add_part(
            cast.caregiver,
            draft,
            "goal",
            {
                "description": "Dad stays in recovery",
                "how_we_will_know": "Meetings every week",
                "category": "substance_use",
            },
        )
        actions.add_part(
            cast.caregiver,
            draft,
            "strategy",
            {
                "goal": hidden,
                "description": "Grandma drives Dad to meetings",
                "kind": "natural",
                "responsible": cast.caregiver_membership,
                "category": "substance_use",
            },
        )
    actions.save_crisis_plan(
        user,
        draft,
        changes={"triggers": "Loud arguments", "what_helps": "Call Abuela Rosa"},
        contacts=[cast.grandma],
    )
    draft.refresh_from_db()
    return draft


def agree_all(cast, version):
    version.refresh_from_db()
    for user, name in ((cast.caregiver, "Maria Rivera"), (cast.youth, "Leo Rivera")):
        actions.agree_to_plan(
            user, version, seen_version=version.version, agrees=True, typed_name=name
        )
    version.refresh_from_db()
    return version


def propose(cast, version):
    version.refresh_from_db()
    return actions.propose_plan(cast.facilitator, version, seen_version=version.version)


def add_plan(cast):
    """Give the cast's family a plan: v1 in effect, v2 proposed. Sets cast.plan_* ids."""
    if hasattr(cast, "plan"):
        return cast
    v1 = fill_draft(cast, actions.start_draft(cast.facilitator, cast.family))
    v1 = agree_all(cast, propose(cast, v1))
    v2 = propose(cast, actions.start_draft(cast.facilitator, cast.family))
    cast.plan = v1.plan
    cast.plan_v1 = v1
    cast.plan_v2 = v2
    cast.goal_v1 = v1.goals.get(category="general")
    cast.secret_goal_v1 = v1.goals.get(category="substance_use")
    cast.goal_v2 = v2.goals.get(category="general")
    cast.strength_v2 = v2.strengths.get()
    cast.strategy_v2 = v2.strategys.get(category="general")
    return cast


__all__ = ["Goal", "add_plan", "agree_all", "fill_draft", "propose"]
