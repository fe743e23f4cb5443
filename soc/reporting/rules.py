"""Who may see the reporting inventory and the annual report drafts: the reporting side of the
governance policy, built from the predicates of soc.collaboratives.rules.

The drafts hold suppressed counts only, but they are a body's working papers: the seat holders
of that body, the State Collaborative's members and collaborative administrators open them;
everyone else is told nothing exists (404).
"""

import rules
from django.utils import timezone

from soc.collaboratives.models import Collaborative, SeatTerm
from soc.collaboratives.models.seats import CHAIRS, Office
from soc.collaboratives.rules import holds_a_seat, holds_an_office, is_collaborative_admin


def _signed_in(user):
    return user is not None and user.is_authenticated


@rules.predicate
def sits_on_the_state_collaborative(user, body=None):
    state = Collaborative.objects.state().first()
    return state is not None and holds_a_seat(user, state)


@rules.predicate
def holds_any_seat(user, body=None):
    return _signed_in(user) and SeatTerm.objects.on(timezone.localdate()).filter(user=user).exists()


@rules.predicate
def holds_any_office(user, body=None):
    return (
        _signed_in(user)
        and SeatTerm.objects.on(timezone.localdate())
        .filter(user=user, office__in=[*CHAIRS, Office.SECRETARY])
        .exists()
    )


POLICY = rules.RuleSet()
POLICY.add_rule("see_inventory", is_collaborative_admin | holds_any_seat)
POLICY.add_rule(
    "add_requirement", is_collaborative_admin | sits_on_the_state_collaborative | holds_an_office
)
POLICY.add_rule(
    "open_requirement_form",
    is_collaborative_admin | sits_on_the_state_collaborative | holds_any_office,
)
POLICY.add_rule(
    "download_annual_report",
    is_collaborative_admin | sits_on_the_state_collaborative | holds_a_seat,
)
ACTIONS = frozenset(POLICY.keys())


def can(user, action, body=None):
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to reporting.rules.")
    return POLICY.test_rule(action, user, body)
