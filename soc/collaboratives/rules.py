"""Who may do what on a collaborative: the governance side of the access policy.

Governance is public where the body's work is public (its page, approved minutes, its
recommendations). Changing it needs a seat on the body (officers run meetings and seats) or
the collaborative-admin permission. A seat opens the body's confidential items, never case
data: counts shown here are suppressed (soc.collaboratives.suppression).
"""

import rules
from django.utils import timezone

from .models import SeatTerm
from .models.seats import CHAIRS, Office


def _signed_in(user):
    return user is not None and user.is_authenticated


def current_terms(user, body):
    if not _signed_in(user) or body is None:
        return SeatTerm.objects.none()
    body = getattr(body, "collaborative", body)  # a meeting or other object of the body
    return SeatTerm.objects.on(timezone.localdate()).filter(user=user, seat__collaborative=body)


@rules.predicate
def is_collaborative_admin(user, body=None):
    return _signed_in(user) and user.has_perm("collaboratives.administer_collaboratives")


@rules.predicate
def holds_a_seat(user, body):
    return current_terms(user, body).exists()


@rules.predicate
def holds_an_office(user, body):
    return current_terms(user, body).filter(office__in=[*CHAIRS, Office.SECRETARY]).exists()


POLICY = rules.RuleSet()
POLICY.add_rule("set_up_collaborative", is_collaborative_admin)
POLICY.add_rule("change_collaborative", is_collaborative_admin | holds_an_office)
POLICY.add_rule("manage_seats", is_collaborative_admin | holds_an_office)
POLICY.add_rule("see_confidential", holds_a_seat)
POLICY.add_rule("suggest_agenda_item", holds_a_seat)
POLICY.add_rule("run_meeting", is_collaborative_admin | holds_an_office)
POLICY.add_rule("amend_minutes", holds_a_seat)
POLICY.add_rule("record_barrier", is_collaborative_admin | holds_a_seat)
POLICY.add_rule("decide_barrier", is_collaborative_admin | holds_an_office)
POLICY.add_rule("manage_recommendations", is_collaborative_admin | holds_an_office)
ACTIONS = frozenset(POLICY.keys())


def can(user, action, body=None):
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to collaboratives.rules.")
    return POLICY.test_rule(action, user, body)


def flags(user, body, actions):
    return {action: can(user, action, body) for action in actions}
