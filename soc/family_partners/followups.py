"""Requests nobody claimed are flagged after 2 business days; closed requests never linked to a
family lose their contact details after the retention period (SOC_FAMILY_REQUEST_RETENTION_DAYS).

`soc family_requests_daily` runs both; the inbox shows the waiting flag live through
`waiting_state`, so nothing depends on the job having run.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from soc.audit.log import record
from soc.referrals.followups import business_days_between

from . import notifications
from .models import CONTACT_FIELDS, ContactAttempt, FamilyRequest

FLAG_AFTER = 2


def business_days_waiting(family_request, today=None):
    if family_request.status != FamilyRequest.Status.NEW:
        return 0
    today = today or timezone.localdate()
    return business_days_between(timezone.localdate(family_request.created_at), today)


def waiting_state(family_request, today=None):
    """'overdue' for a request nobody has claimed in 2 business days, else ''."""
    return "overdue" if business_days_waiting(family_request, today) >= FLAG_AFTER else ""


def flag_unclaimed(today=None):
    """Flag each overdue unclaimed request once and tell its partners again. Returns the count."""
    today = today or timezone.localdate()
    count = 0
    # Two business days are at least two calendar days: younger requests need no look.
    waiting = FamilyRequest.objects.filter(
        status=FamilyRequest.Status.NEW,
        flagged_at=None,
        created_at__date__lte=today - timedelta(days=2),
    ).prefetch_related("organizations")
    for family_request in waiting.only("id", "status", "created_at"):
        if not waiting_state(family_request, today):
            continue
        with transaction.atomic():
            changed = FamilyRequest.objects.filter(pk=family_request.pk, flagged_at=None).update(
                flagged_at=timezone.now()
            )
            if not changed:
                continue
            record(None, "family_request.overdue", family_request)
            notifications.tell_partners(family_request, kind="overdue")
        count += 1
    return count


def erase_expired(now=None):
    """Blank the contact details of closed, never-linked requests past the retention period."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SOC_FAMILY_REQUEST_RETENTION_DAYS)
    expired = FamilyRequest.objects.filter(
        status=FamilyRequest.Status.CLOSED, family=None, erased_at=None, closed_at__lt=cutoff
    )
    count = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            blank = dict.fromkeys(CONTACT_FIELDS, "")
            changed = FamilyRequest.objects.filter(pk=pk, erased_at=None).update(
                **blank,
                ways=[],
                close_note="",
                consent_given_by="",
                address_hash="",
                erased_at=now,
            )
            if not changed:
                continue
            ContactAttempt.objects.filter(request_id=pk).update(note="")
            record(None, "family_request.erase", ("family_partners.familyrequest", str(pk)))
        count += 1
    return count
