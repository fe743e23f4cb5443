"""Referral states: the Gravity Project's closed-loop pattern on FHIR R4 Task.status.

draft → requested → accepted | rejected | cancelled;
accepted → in-progress | on-hold | completed | failed | cancelled;
in-progress ↔ on-hold, and both → completed | failed | cancelled;
entered-in-error from any state; a closed referral may be reopened (→ requested) with a reason.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft, not sent")
    REQUESTED = "requested", _("Sent, waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Turned down")
    CANCELLED = "cancelled", _("Cancelled")
    IN_PROGRESS = "in-progress", _("Getting the service")
    ON_HOLD = "on-hold", _("On hold")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Could not be done")
    ENTERED_IN_ERROR = "entered-in-error", _("Entered in error")


class Reason(models.TextChoices):
    NO_CAPACITY = "no-capacity", _("No room (no capacity)")
    NOT_ELIGIBLE = "not-eligible", _("Not eligible")
    UNREACHABLE = "unreachable", _("Could not reach the family")
    DECLINED = "declined", _("The family said no")
    LANGUAGE = "language", _("Not offered in the family's language")
    TRANSPORT = "transport", _("Transportation")
    COST = "cost", _("Cost")
    OTHER = "other", _("Other (say why)")


S = Status
CLOSED = frozenset({S.REJECTED, S.CANCELLED, S.COMPLETED, S.FAILED})
FINAL = frozenset({S.ENTERED_IN_ERROR})
OPEN = frozenset(set(S) - CLOSED - FINAL)
ACTIVE = frozenset({S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD})

TRANSITIONS = {
    S.DRAFT: {S.REQUESTED, S.CANCELLED},
    S.REQUESTED: {S.ACCEPTED, S.REJECTED, S.CANCELLED},
    S.ACCEPTED: {S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.FAILED, S.CANCELLED},
    S.IN_PROGRESS: {S.ON_HOLD, S.COMPLETED, S.FAILED, S.CANCELLED},
    S.ON_HOLD: {S.IN_PROGRESS, S.COMPLETED, S.FAILED, S.CANCELLED},
    **{closed: {S.REQUESTED} for closed in CLOSED},  # reopening, with a reason
    S.ENTERED_IN_ERROR: set(),
}
for _state in set(S) - FINAL:
    TRANSITIONS[_state] = TRANSITIONS[_state] | {S.ENTERED_IN_ERROR}

# Changes that need a reason from the list (`Reason`); reopening needs one in words.
NEEDS_REASON = frozenset({S.REJECTED, S.CANCELLED, S.FAILED})
# Who makes each change: the provider answers and reports; the referring team, the family
# included, sends, cancels and reopens; "entered in error" corrects a record, so only staff
# make it, on either side (policy rule "correct_referral"), never the family.
BY_PROVIDER = frozenset({S.ACCEPTED, S.REJECTED, S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.FAILED})
BY_TEAM = frozenset({S.REQUESTED, S.CANCELLED})
CORRECTIONS = frozenset({S.ENTERED_IN_ERROR})
# Reasons that mean the community lacks a service: the need is counted as unmet.
UNMET_REASONS = frozenset(
    {Reason.NO_CAPACITY, Reason.NOT_ELIGIBLE, Reason.LANGUAGE, Reason.TRANSPORT, Reason.COST}
)


# The reasons that fit each change that needs one: the page offers only these, and
# actions.transition refuses any other (the API included).
REASONS_FOR = {
    S.REJECTED: (
        Reason.NO_CAPACITY,
        Reason.NOT_ELIGIBLE,
        Reason.LANGUAGE,
        Reason.COST,
        Reason.OTHER,
    ),
    S.CANCELLED: (Reason.DECLINED, Reason.TRANSPORT, Reason.COST, Reason.LANGUAGE, Reason.OTHER),
    S.FAILED: (
        Reason.UNREACHABLE,
        Reason.DECLINED,
        Reason.TRANSPORT,
        Reason.COST,
        Reason.LANGUAGE,
        Reason.OTHER,
    ),
}

# Each change offered as what the person does, in plain words (the status says where it lands).
ACTION_LABELS = {
    S.REQUESTED: _("Send it to the provider"),
    S.ACCEPTED: _("Accept it"),
    S.REJECTED: _("Turn it down"),
    S.CANCELLED: _("Cancel this referral"),
    S.IN_PROGRESS: _("The family started getting the service"),
    S.ON_HOLD: _("Put it on hold"),
    S.COMPLETED: _("The service is finished"),
    S.FAILED: _("It could not be done"),
    S.ENTERED_IN_ERROR: _("It was entered by mistake"),
}
REOPEN_LABEL = _("Open it again and send it to the provider")


def allowed(current, to):
    return to in TRANSITIONS.get(current, set())


def is_reopening(current, to):
    return current in CLOSED and to == S.REQUESTED
