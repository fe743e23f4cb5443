"""Closed requests never linked to a family lose their contact details after the retention period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from .. import actions
from ..models import FamilyRequest
from .builders import claimed, family_organization, partner, send_request

pytestmark = pytest.mark.django_db


def _closed(pam, days_ago, **changes):
    sent = claimed(send_request(**changes), pam)
    actions.add_contact_attempt(pam, sent, method="phone", result="reached", note="Spoke to Rosa")
    sent = FamilyRequest.objects.get(pk=sent.pk)
    actions.close(pam, sent, outcome="declined", note="Rosa said no", version=sent.version)
    FamilyRequest.objects.filter(pk=sent.pk).update(
        closed_at=timezone.now() - timedelta(days=days_ago)
    )
    return sent


def test_old_closed_unlinked_requests_are_erased_and_the_rest_kept(settings):
    settings.SOC_FAMILY_REQUEST_RETENTION_DAYS = 180
    pam = partner(family_organization("Wake Family Partners", "Wake"))
    old = _closed(pam, 181, email="rosa@example.org", ways=["email"])
    recent = _closed(pam, 10)
    still_open = send_request()
    call_command("family_requests_daily")
    old = FamilyRequest.objects.get(pk=old.pk)
    assert old.erased_at is not None
    assert (old.name, old.phone, old.email, old.close_note, old.ways) == ("", "", "", "", [])
    assert old.attempts.get().note == ""
    assert old.outcome == "declined" and old.county.name == "Wake"  # counts survive
    assert FamilyRequest.objects.get(pk=recent.pk).name == "Rosa"
    assert FamilyRequest.objects.get(pk=still_open.pk).name == "Rosa"


def test_a_linked_request_is_kept_with_the_family(cast, settings):
    pam = partner(family_organization("Wake Family Partners", "Wake"))
    sent = _closed(pam, 400)
    FamilyRequest.objects.filter(pk=sent.pk).update(family=cast.family)
    call_command("family_requests_daily")
    assert FamilyRequest.objects.get(pk=sent.pk).erased_at is None
