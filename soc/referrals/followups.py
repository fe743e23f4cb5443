"""Referrals nobody answered: flagged after 2 business days, escalated after 14.

`follow_up()` runs daily (`soc referral_followups`); the team page shows the same flags live
through `business_days_waiting`, so nothing depends on the job having run.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from soc.audit.log import record

from . import notifications
from .models import Referral
from .states import Status

FLAG_AFTER = 2
ESCALATE_AFTER = 14


def business_days_between(start, end):
    """Weekdays after `start` up to and including `end` (dates)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if (start + datetime.timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def business_days_waiting(referral, today=None):
    if referral.status != Status.REQUESTED or referral.sent_at is None:
        return 0
    today = today or timezone.localdate()
    return business_days_between(timezone.localdate(referral.sent_at), today)


def waiting_state(referral, today=None):
    """'escalated', 'overdue' or '' for a referral still waiting for the provider's answer."""
    waited = business_days_waiting(referral, today)
    if waited >= ESCALATE_AFTER:
        return "escalated"
    return "overdue" if waited >= FLAG_AFTER else ""


def follow_up(today=None):
    """Flag and escalate unanswered referrals once each; notify their makers. Returns counts."""
    today = today or timezone.localdate()
    counts = {"overdue": 0, "escalated": 0}
    waiting = Referral.objects.filter(status=Status.REQUESTED, sent_at__isnull=False).filter(
        escalated_at__isnull=True
    )
    for referral in waiting.only("id", "status", "sent_at", "flagged_at", "author_id", "family_id"):
        state = waiting_state(referral, today)
        if not state or (state == "overdue" and referral.flagged_at is not None):
            continue
        with transaction.atomic():
            field = "escalated_at" if state == "escalated" else "flagged_at"
            changed = Referral.objects.filter(pk=referral.pk, **{f"{field}__isnull": True}).update(
                **{field: timezone.now()}
            )
            if not changed:
                continue
            record(None, f"referral.{state}", referral, family_id=referral.family_id)
            notifications.on_change(referral, None, kind=state)
        counts[state] += 1
    return counts
