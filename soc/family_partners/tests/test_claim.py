"""A family partner claims a request (one claim wins), notes tries to reach the family, closes it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from soc.audit.models import AuditEvent

from .. import actions, followups
from ..models import FamilyRequest
from .builders import claimed, family_organization, partner, send_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(db):
    return family_organization("Wake Family Partners", "Wake")


def test_the_first_claim_wins_and_the_second_is_told_who_has_it(org):
    pam, pat = partner(org, "Pam Partner"), partner(org, "Pat Partner")
    sent = send_request()
    seen_by_pat = FamilyRequest.objects.get(pk=sent.pk)
    claimed(sent, pam)
    with pytest.raises(actions.AlreadyClaimed) as taken:
        actions.claim(pat, seen_by_pat, version=seen_by_pat.version)
    assert "Pam Partner" in taken.value.message
    stored = FamilyRequest.objects.get(pk=sent.pk)
    assert stored.claimed_by == pam and stored.status == "claimed" and stored.version == 2


def test_a_second_claim_on_the_page_answers_409(client, org):
    pam, pat = partner(org, "Pam Partner"), partner(org, "Pat Partner")
    sent = send_request()
    claimed(sent, pam)
    client.force_login(pat)
    response = client.post(reverse("family_request_claim", args=[sent.pk]), {"version": 1})
    assert response.status_code == 409
    assert "Pam Partner already claimed this request" in response.content.decode()


def test_only_the_claiming_partner_notes_tries_and_closes(org):
    pam, pat = partner(org), partner(org, "Pat Partner")
    sent = claimed(send_request(), pam)
    with pytest.raises(PermissionDenied):
        actions.add_contact_attempt(pat, sent, method="phone", result="no_answer")
    actions.add_contact_attempt(pam, sent, method="phone", result="message", note="Voicemail")
    sent = FamilyRequest.objects.get(pk=sent.pk)
    closed = actions.close(pam, sent, outcome="helped", version=sent.version)
    assert closed.status == "closed" and closed.outcome == "helped" and closed.closed_at
    assert closed.attempts.get().result == "message"
    with pytest.raises(ValidationError):
        actions.add_contact_attempt(pam, closed, method="phone", result="reached")


def test_closing_needs_an_outcome_from_the_list(org):
    pam = partner(org)
    sent = claimed(send_request(), pam)
    with pytest.raises(ValidationError) as refused:
        actions.close(pam, sent, outcome="vanished", version=sent.version)
    assert "outcome" in refused.value.message_dict


def test_a_try_in_the_future_is_refused(org):
    pam = partner(org)
    sent = claimed(send_request(), pam)
    with pytest.raises(ValidationError) as refused:
        actions.add_contact_attempt(
            pam, sent, method="phone", result="reached", at=timezone.now() + timedelta(days=1)
        )
    assert "at" in refused.value.message_dict


def test_unclaimed_after_two_business_days_is_flagged_once_and_partners_are_told_again(org):
    pam = partner(org)
    sent = send_request()
    monday = timezone.localdate(sent.created_at)
    monday -= timedelta(days=monday.weekday())
    FamilyRequest.objects.filter(pk=sent.pk).update(
        created_at=timezone.now().replace(
            year=monday.year, month=monday.month, day=monday.day, hour=15
        )
    )
    assert followups.flag_unclaimed(today=monday + timedelta(days=1)) == 0
    assert followups.flag_unclaimed(today=monday + timedelta(days=2)) == 1
    assert followups.flag_unclaimed(today=monday + timedelta(days=3)) == 0
    assert FamilyRequest.objects.get(pk=sent.pk).flagged_at is not None
    assert pam.family_request_notices.filter(kind="overdue").count() == 1
    assert AuditEvent.objects.filter(action="family_request.overdue").count() == 1


def test_the_page_walks_through_claim_try_and_close(client, org):
    pam = partner(org)
    sent = send_request()
    client.force_login(pam)
    page = client.get(reverse("family_request", args=[sent.pk]))
    assert page.status_code == 200 and "919-555-0142" in page.content.decode()
    assert (
        client.post(reverse("family_request_claim", args=[sent.pk]), {"version": 1}).status_code
        == 302
    )
    tried = client.post(
        reverse("family_request_contact", args=[sent.pk]), {"method": "text", "result": "reached"}
    )
    assert tried.status_code == 302
    version = FamilyRequest.objects.get(pk=sent.pk).version
    done = client.post(
        reverse("family_request_close", args=[sent.pk]),
        {"version": version, "outcome": "referred", "note": "Sent to the school social worker"},
    )
    assert done.status_code == 302
    assert FamilyRequest.objects.get(pk=sent.pk).outcome == "referred"
