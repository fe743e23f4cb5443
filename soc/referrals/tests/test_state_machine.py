"""A hypothesis state machine: any sequence of changes, by the provider or the team, with or
without a reason, keeps the referral where the Gravity closed-loop pattern says."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from soc.referrals import actions, states
from soc.referrals.models import Referral
from soc.referrals.states import Reason, Status
from soc.versioning import StaleVersion

from .builders import SHARED, add_referral

pytestmark = pytest.mark.django_db


def test_referral_states_follow_the_closed_loop_pattern(cast):
    add_referral(cast)
    people = {
        "provider": cast.provider,
        "team": cast.facilitator,
        "family": cast.caregiver,
        "other": cast.other_provider,
    }

    class ReferralStates(RuleBasedStateMachine):
        @initialize()
        def new_referral(self):
            self.referral = actions.create_referral(
                cast.facilitator,
                cast.family,
                service=cast.service,
                need="x",
                shared=dict(SHARED),
                send=False,
            )
            self.status, self.version, self.events = Status.DRAFT, 1, 1

        @rule(
            to=st.sampled_from(list(Status)),
            who=st.sampled_from(sorted(people)),
            reason=st.sampled_from(["", *Reason.values]),
            note=st.sampled_from(["", "because"]),
            stale=st.booleans(),
        )
        def change(self, to, who, reason, note, stale):
            by = people[who]
            expected = self.version - 1 if stale else self.version
            permitted = (
                who == "provider"
                and self.status != Status.DRAFT  # a draft is not sent: the provider knows nothing
                and to in states.BY_PROVIDER | states.CORRECTIONS
                or who == "team"
                and to not in states.BY_PROVIDER
                or who == "family"  # never a correction: that is for staff
                and to in states.BY_TEAM
            )
            reopening = states.is_reopening(self.status, to)
            reasoned = (
                (to not in states.NEEDS_REASON or reason in states.REASONS_FOR[to])
                and (reason != Reason.OTHER or note)
                and (not reopening or note)
            )
            try:
                actions.transition(
                    self.referral, to, by, reason=reason, note=note, expected_version=expected
                )
            except StaleVersion:
                assert stale
            except actions.IllegalTransition:
                assert not stale and not states.allowed(self.status, to)
            except PermissionDenied:
                assert not stale and states.allowed(self.status, to) and not permitted
            except ValidationError:
                assert not stale and states.allowed(self.status, to) and permitted
                assert not reasoned
            else:
                assert not stale and states.allowed(self.status, to) and permitted and reasoned
                self.status, self.version, self.events = to, self.version + 1, self.events + 1

        @invariant()
        def stored_as_expected(self):
            stored = Referral.objects.get(pk=self.referral.pk)
            assert (stored.status, stored.version) == (self.status, self.version)
            assert stored.events.count() == self.events
            if self.events > 1:
                last = stored.events.order_by("-id").first()
                assert last.to_status == self.status

    run_state_machine_as_test(
        ReferralStates,
        settings=settings(
            max_examples=25,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )


def test_entered_in_error_is_final_and_every_closed_state_reopens():
    for state in Status:
        if state == Status.ENTERED_IN_ERROR:
            assert states.TRANSITIONS[state] == set()
        else:
            assert Status.ENTERED_IN_ERROR in states.TRANSITIONS[state]
    for closed in states.CLOSED:
        assert states.is_reopening(closed, Status.REQUESTED)
