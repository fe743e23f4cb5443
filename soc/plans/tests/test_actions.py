"""The plan's actions: drafts, the rules before proposing, agreement, acknowledgement, ratings."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.plans import actions
from soc.plans.models import Agreement, PlanVersion, ProgressRating, StrategyStep
from soc.teams.models import Membership
from soc.versioning import StaleVersion

from .builders import add_plan, agree_all, fill_draft, propose

pytestmark = pytest.mark.django_db


def _errors(excinfo):
    return excinfo.value.message_dict


def test_a_first_draft_is_empty_and_audited(cast):
    draft = actions.start_draft(cast.facilitator, cast.family)
    assert (draft.number, draft.status, draft.strengths.count()) == (1, "draft", 0)
    assert draft.review_date == timezone.localdate() + timedelta(days=90)
    assert AuditEvent.objects.filter(action="plan.start_draft", family_id=cast.family.pk).exists()


def test_starting_a_draft_twice_returns_the_open_one(cast):
    first = actions.start_draft(cast.facilitator, cast.family)
    assert actions.start_draft(cast.caregiver, cast.family) == first


def test_outsiders_cannot_start_a_plan(cast):
    with pytest.raises(PermissionDenied):
        actions.start_draft(cast.other_org_staff, cast.family)


def test_a_plan_cannot_be_proposed_without_strength_goal_and_strategy(cast):
    draft = actions.start_draft(cast.facilitator, cast.family)
    with pytest.raises(ValidationError) as excinfo:
        actions.propose_plan(cast.facilitator, draft, seen_version=draft.version)
    assert {"strengths", "goals"} <= set(_errors(excinfo))


def test_every_goal_needs_a_strategy_with_an_active_member(cast):
    draft = fill_draft(cast, actions.start_draft(cast.facilitator, cast.family), secret=False)
    actions.add_part(
        cast.facilitator,
        draft,
        "goal",
        {"description": "Ana reads every day", "how_we_will_know": "Her teacher says so"},
    )
    draft.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        actions.propose_plan(cast.facilitator, draft, seen_version=draft.version)
    assert "One goal has no strategy" in _errors(excinfo)["strategies"][0]


def test_a_safety_need_requires_a_crisis_plan(cast):
    draft = fill_draft(cast, actions.start_draft(cast.facilitator, cast.family), secret=False)
    draft.crisis_plan.delete()
    draft.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        actions.propose_plan(cast.facilitator, draft, seen_version=draft.version)
    assert "crisis_plan" in _errors(excinfo)


def test_a_target_date_cannot_precede_the_start(cast):
    draft = actions.start_draft(cast.facilitator, cast.family)
    with pytest.raises(ValidationError) as excinfo:
        actions.add_part(
            cast.facilitator,
            draft,
            "goal",
            {
                "description": "x",
                "how_we_will_know": "y",
                "target_date": draft.start_date - timedelta(days=1),
            },
        )
    assert "target_date" in _errors(excinfo)


def test_an_empty_goal_is_refused_and_nothing_is_written(cast):
    draft = actions.start_draft(cast.facilitator, cast.family)
    with pytest.raises(ValidationError) as excinfo:
        actions.add_part(
            cast.facilitator, draft, "goal", {"description": "  ", "how_we_will_know": ""}
        )
    assert {"description", "how_we_will_know"} <= set(_errors(excinfo))
    draft.refresh_from_db()
    assert draft.goals.count() == 0 and draft.version == 1


def test_a_strategy_for_a_removed_member_is_refused(cast):
    draft = fill_draft(cast, actions.start_draft(cast.facilitator, cast.family), secret=False)
    with pytest.raises(ValidationError) as excinfo:
        actions.add_part(
            cast.facilitator,
            draft,
            "strategy",
            {
                "goal": draft.goals.get(),
                "description": "x",
                "kind": "formal",
                "responsible": cast.removed_membership,
            },
        )
    assert "responsible" in _errors(excinfo)


def test_an_unmet_need_names_its_barrier(cast):
    draft = actions.start_draft(cast.facilitator, cast.family)
    values = {
        "description": "Spanish-speaking therapist",
        "domain": "wellbeing",
        "setting": "community",
    }
    with pytest.raises(ValidationError) as excinfo:
        actions.add_part(cast.facilitator, draft, "need", {**values, "is_unmet": True})
    assert "barrier" in _errors(excinfo)
    need = actions.add_part(
        cast.facilitator, draft, "need", {**values, "is_unmet": True, "barrier": "language"}
    )
    assert need.get_barrier_display() == "Not offered in our language"


def test_the_family_agreeing_puts_the_version_in_effect(cast):
    add_plan(cast)
    v1, v2 = cast.plan_v1, cast.plan_v2
    v1.refresh_from_db()
    assert v1.status == "in_effect" and v2.status == "proposed"
    agree_all(cast, v2)
    v1.refresh_from_db()
    assert (v1.status, v2.status) == ("superseded", "in_effect")


def test_one_caregiver_agreeing_is_not_enough(cast):
    draft = propose(cast, fill_draft(cast, actions.start_draft(cast.facilitator, cast.family)))
    actions.agree_to_plan(
        cast.caregiver, draft, seen_version=draft.version, agrees=True, typed_name="maria  RIVERA"
    )
    draft.refresh_from_db()
    assert draft.status == "proposed"


def test_a_youth_below_the_age_is_not_asked(cast):
    plan_draft = actions.start_draft(cast.facilitator, cast.family)
    plan = plan_draft.plan
    actions.change_plan_settings(
        cast.facilitator, plan, seen_version=plan.version, youth_agreement_age=18
    )
    draft = propose(cast, fill_draft(cast, plan_draft))
    with pytest.raises(ValidationError, match="from age 18"):
        actions.agree_to_plan(
            cast.youth, draft, seen_version=draft.version, agrees=True, typed_name="Leo Rivera"
        )
    actions.agree_to_plan(
        cast.caregiver, draft, seen_version=draft.version, agrees=True, typed_name="Maria Rivera"
    )
    draft.refresh_from_db()
    assert draft.status == "in_effect"


def test_agreeing_needs_the_typed_name_and_disagreeing_a_reason(cast):
    draft = propose(cast, fill_draft(cast, actions.start_draft(cast.facilitator, cast.family)))
    with pytest.raises(ValidationError) as excinfo:
        actions.agree_to_plan(
            cast.caregiver, draft, seen_version=draft.version, agrees=False, typed_name="Someone"
        )
    assert {"typed_name", "reason"} <= set(_errors(excinfo))
    actions.agree_to_plan(
        cast.caregiver,
        draft,
        seen_version=draft.version,
        agrees=False,
        typed_name="Maria Rivera",
        reason="The school goal is not ours",
    )
    assert Agreement.objects.get().reason == "The school goal is not ours"
    draft.refresh_from_db()
    assert draft.status == "proposed"


def test_agreeing_to_a_draft_that_changed_since_it_was_shown_is_a_conflict(cast):
    draft = propose(cast, fill_draft(cast, actions.start_draft(cast.facilitator, cast.family)))
    shown = draft.version
    strength = draft.strengths.get()
    actions.change_part(
        cast.facilitator, strength, revision=strength.revision, changes={"description": "Brave"}
    )
    with pytest.raises(StaleVersion):
        actions.agree_to_plan(
            cast.caregiver, draft, seen_version=shown, agrees=True, typed_name="Maria Rivera"
        )
    draft.refresh_from_db()
    assert draft.status == "draft"  # changed after it was proposed: proposed again later
    assert not Agreement.objects.exists()


def test_a_version_in_effect_cannot_be_edited(cast):
    add_plan(cast)
    goal = cast.goal_v1
    with pytest.raises(ValidationError) as excinfo:
        actions.change_part(
            cast.facilitator, goal, revision=goal.revision, changes={"description": "x"}
        )
    assert excinfo.value.code == "in_effect"
    with pytest.raises(ValidationError):
        actions.add_part(
            cast.facilitator, cast.plan_v1, "strength", {"about": "child", "description": "x"}
        )


def test_a_new_draft_copies_the_plan_and_carries_open_steps_forward(cast):
    draft = fill_draft(cast, actions.start_draft(cast.facilitator, cast.family))
    strategy = draft.strategys.get(category="general")
    open_step = actions.add_strategy_step(
        cast.facilitator,
        strategy,
        description="Call the clinic",
        responsible=cast.member_membership,
        due_date=timezone.localdate(),
    )
    done_step = actions.add_strategy_step(
        cast.facilitator,
        strategy,
        description="Fill the form",
        responsible=cast.member_membership,
        due_date=timezone.localdate(),
    )
    done_step.status = "done"
    done_step.save()
    agree_all(cast, propose(cast, draft))
    second = actions.start_draft(cast.facilitator, cast.family)
    assert second.number == 2 and second.based_on == draft
    new_strategy = second.strategys.get(category="general")
    assert list(
        StrategyStep.objects.filter(strategy=new_strategy).values_list("next_step", flat=True)
    ) == [open_step.pk]
    assert second.goals.count() == 2 and second.crisis_plan.contacts.get() == cast.grandma
    assert set(second.goals.values_list("key", flat=True)) == set(
        draft.goals.values_list("key", flat=True)
    )


def test_professionals_acknowledge_and_family_members_cannot(cast):
    add_plan(cast)
    v1 = cast.plan_v1
    actions.acknowledge_plan(cast.member, v1, seen_version=v1.version)
    with pytest.raises(PermissionDenied):
        actions.acknowledge_plan(cast.caregiver, v1, seen_version=v1.version)


def test_progress_is_rated_from_0_to_10_once_per_meeting(cast):
    add_plan(cast)
    goal = cast.goal_v1
    with pytest.raises(ValidationError) as excinfo:
        actions.rate_progress(cast.facilitator, cast.meeting, goal, {"family_rating": 11})
    assert "family_rating" in _errors(excinfo)
    actions.rate_progress(
        cast.facilitator, cast.meeting, goal, {"family_rating": 6, "team_rating": 5}
    )
    actions.rate_progress(cast.facilitator, cast.meeting, goal, {"family_rating": 7})
    rating = ProgressRating.objects.get()
    assert (rating.family_rating, rating.team_rating, rating.version) == (7, None, 2)


def test_only_the_facilitator_rates_and_only_readable_goals(cast):
    add_plan(cast)
    with pytest.raises(PermissionDenied):
        actions.rate_progress(cast.member, cast.meeting, cast.goal_v1, {"family_rating": 5})
    with pytest.raises(PermissionDenied):  # Maria's substance-use goal
        actions.rate_progress(
            cast.facilitator, cast.meeting, cast.secret_goal_v1, {"family_rating": 5}
        )


def test_a_caregiver_without_an_account_signs_in_person(cast):
    dad = f.MembershipFactory(
        team=cast.team, user=None, role=Membership.Role.CAREGIVER, name="José Rivera"
    )
    draft = propose(cast, fill_draft(cast, actions.start_draft(cast.facilitator, cast.family)))
    agree_all(cast, draft)
    assert PlanVersion.objects.get(pk=draft.pk).status == "proposed"
    actions.agree_to_plan(
        cast.facilitator,
        draft,
        seen_version=draft.version,
        agrees=True,
        typed_name="Jose Rivera",
        member=dad,
    )
    assert PlanVersion.objects.get(pk=draft.pk).status == "in_effect"


def test_unmet_needs_in_effect_are_counted_without_anyone_named(cast):
    from soc.plans.queries import unmet_need_counts

    draft = fill_draft(cast, actions.start_draft(cast.facilitator, cast.family))
    actions.add_part(
        cast.facilitator,
        draft,
        "need",
        {
            "description": "Therapist who speaks Spanish",
            "domain": "wellbeing",
            "setting": "community",
            "is_unmet": True,
            "barrier": "language",
        },
    )
    assert unmet_need_counts() == []  # a draft is not counted
    agree_all(cast, propose(cast, draft))
    assert unmet_need_counts() == [
        {
            "county_id": cast.family.county_id,
            "barrier": "language",
            "domain": "wellbeing",
            "count": 1,
        }
    ]
