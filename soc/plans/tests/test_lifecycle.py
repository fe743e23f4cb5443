"""A state machine over the plan's actions: whatever people do, in whatever order, a version
in effect never changes, and every agreement names the exact version its signer was shown."""

import contextlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from soc import factories as f
from soc.families.models import Person
from soc.plans import actions
from soc.plans.models import Agreement, PlanVersion
from soc.plans.rendering import render_text
from soc.teams.models import Membership
from soc.versioning import StaleVersion

pytestmark = pytest.mark.django_db

REFUSALS = (ValidationError, PermissionDenied, StaleVersion)


def snapshot(version):
    version.refresh_from_db()
    return (
        version.version,
        tuple(
            render_text(
                version,
                strengths=list(version.strengths.all()),
                needs=list(version.needs.all()),
                goals=list(version.goals.all()),
                strategies=list(version.strategys.select_related("responsible")),
                crisis_plan=getattr(version, "crisis_plan", None),
            )
        ),
    )


class PlanLifecycle(RuleBasedStateMachine):
    went_in_effect = 0  # across examples: the machine must really reach agreed versions

    def __init__(self):
        super().__init__()
        self.facilitator = f.StaffFactory()
        family = f.FamilyFactory(opened_by=self.facilitator)
        self.family = family
        team = f.TeamFactory(family=family, started_by=self.facilitator)
        M = Membership.Role
        self.member = f.MembershipFactory(team=team, user=self.facilitator, role=M.FACILITATOR)
        self.worker = f.MembershipFactory(team=team, role=M.AGENCY)
        mom = f.UserFactory()
        self.mom = f.MembershipFactory(
            team=team,
            user=mom,
            role=M.CAREGIVER,
            person=f.PersonFactory(family=family, role=Person.Role.CAREGIVER, date_of_birth=None),
        )
        self.people = [self.facilitator, self.worker.user, mom]
        self.frozen = {}  # version id -> snapshot when it went in effect
        self.shown = None  # (version id, snapshot) of the agree page mom has open

    def _open(self):
        return PlanVersion.objects.filter(family=self.family, status__in=PlanVersion.OPEN).first()

    def _freeze_new(self):
        for version in PlanVersion.objects.filter(family=self.family).exclude(
            status__in=PlanVersion.OPEN
        ):
            if version.pk not in self.frozen:
                self.frozen[version.pk] = snapshot(version)
                PlanLifecycle.went_in_effect += 1

    @initialize(agreed=st.booleans())
    def perhaps_a_plan_already_in_effect(self, agreed):
        if agreed:
            self.start_draft(0)
            self.fill_the_draft()
            self.propose()
            self.mom_opens_the_agree_page()
            self.mom_answers(True)

    @rule(who=st.integers(0, 2))
    def start_draft(self, who):
        actions.start_draft(self.people[who], self.family)

    @rule(text=st.text(min_size=0, max_size=8), kind=st.sampled_from(["strength", "goal", "need"]))
    def add_a_part(self, text, kind):
        version = self._open() or PlanVersion.objects.filter(family=self.family).first()
        if version is None:
            return
        values = {
            "strength": {"about": "family", "description": text},
            "goal": {"description": text, "how_we_will_know": text},
            "need": {"description": text, "domain": "safety", "setting": "home"},
        }[kind]
        with contextlib.suppress(REFUSALS):
            actions.add_part(self.facilitator, version, kind, values)

    @rule()
    def give_every_goal_a_strategy(self):
        version = self._open()
        if version is None:
            return
        for goal in version.goals.filter(strategies__isnull=True):
            actions.add_part(
                self.facilitator,
                version,
                "strategy",
                {"goal": goal, "description": "help", "kind": "formal", "responsible": self.worker},
            )

    @rule()
    def fill_the_draft(self):
        """What a team does before proposing: a strength, a goal with a strategy."""
        version = self._open()
        if version is None:
            return
        actions.add_part(
            self.facilitator, version, "strength", {"about": "child", "description": "kind"}
        )
        actions.add_part(
            self.facilitator, version, "goal", {"description": "home", "how_we_will_know": "x"}
        )
        self.give_every_goal_a_strategy()

    @rule()
    def write_a_crisis_plan(self):
        version = self._open()
        if version is not None:
            actions.save_crisis_plan(self.facilitator, version, changes={"what_helps": "a walk"})

    @rule(in_effect=st.booleans(), text=st.text(min_size=1, max_size=8))
    def change_something(self, in_effect, text):
        qs = PlanVersion.objects.filter(family=self.family)
        version = qs.filter(status="in_effect").first() if in_effect else self._open()
        if version is None:
            return
        strength = version.strengths.first()
        try:
            if strength is not None:
                actions.change_part(
                    self.facilitator,
                    strength,
                    revision=strength.revision,
                    changes={"description": text},
                )
            actions.change_version(
                self.facilitator, version, seen_version=version.version, changes={"vision": text}
            )
        except REFUSALS:
            pass

    @rule()
    def propose(self):
        version = self._open()
        if version is not None:
            with contextlib.suppress(REFUSALS):
                actions.propose_plan(self.facilitator, version, seen_version=version.version)

    @rule()
    def mom_opens_the_agree_page(self):
        version = self._open()
        if version is not None and version.is_proposed:
            self.shown = (version.pk, snapshot(version))

    @precondition(lambda self: self.shown is not None)
    @rule(agrees=st.booleans())
    def mom_answers(self, agrees):
        pk, (seen_version, text) = self.shown
        version = PlanVersion.objects.get(pk=pk)
        before = Agreement.objects.count()
        try:
            actions.agree_to_plan(
                self.mom.user,
                version,
                seen_version=seen_version,
                agrees=agrees,
                typed_name=self.mom.name,
                reason="not yet",
            )
        except REFUSALS:
            assert Agreement.objects.count() == before
        else:
            agreement = Agreement.objects.latest("id")
            assert agreement.content_version == seen_version
            # What she agreed to is exactly what she was shown.
            current = PlanVersion.objects.get(pk=pk)
            assert current.version == seen_version
            assert snapshot(current)[1] == text
        self.shown = None
        self._freeze_new()

    @invariant()
    def versions_in_effect_never_change(self):
        for pk, frozen in self.frozen.items():
            assert snapshot(PlanVersion.objects.get(pk=pk)) == frozen

    @invariant()
    def at_most_one_in_effect_and_one_open(self):
        versions = PlanVersion.objects.filter(family=self.family)
        assert versions.filter(status="in_effect").count() <= 1
        assert versions.filter(status__in=PlanVersion.OPEN).count() <= 1


def test_no_sequence_of_actions_changes_a_version_in_effect(db):
    run_state_machine_as_test(
        PlanLifecycle,
        settings=settings(
            max_examples=25,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    assert PlanLifecycle.went_in_effect > 0
