"""Consent state x data category x recipient kind x door: who sees a protected record.

The record is a meeting's notes written by the facilitator; the viewer is a school counselor
on the team (not the author, not family). Only an active consent naming them, their
organization or the whole team, for that category, lets them read it.
"""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from soc.api.testing import ApiClient
from soc.consent.categories import PROTECTED
from soc.consent.models import Consent
from soc.teams.models import Meeting

pytestmark = pytest.mark.django_db

SECRET = "Talked about the counseling plan"
STATES = ("active", "expired", "revoked", "not_started", "none")
KINDS = ("person", "organization", "team")
DOORS = ("page", "api", "pdf", "export", "search")


def _protect_notes(cast, category):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes=SECRET, category=category, author=cast.facilitator
    )
    cast.consent.revoked_at = timezone.now()  # the fixture's team-wide consent is not under test
    cast.consent.save()


def _consent(cast, state, category, kind):
    if state == "none":
        return
    today = timezone.localdate()
    starts, expires = today - timedelta(days=30), today + timedelta(days=30)
    if state == "expired":
        starts, expires = today - timedelta(days=60), today - timedelta(days=1)
    if state == "not_started":
        starts, expires = today + timedelta(days=1), today + timedelta(days=60)
    Consent.objects.create(
        family=cast.family,
        granted_by=cast.caregiver_membership.person,
        recorded_by=cast.caregiver,
        discloser="Wake Recovery Services",
        recipient_kind=kind,
        recipient_user=cast.member if kind == "person" else None,
        recipient_organization=cast.member.organization if kind == "organization" else None,
        recipient_label="x",
        categories=[category],
        purpose="care_coordination",
        starts_on=starts,
        expires_on=expires,
        right_to_revoke_explained=True,
        signed_name="Maria Rivera",
        signed_on=starts,
        signature_method="electronic",
        revoked_at=timezone.now() if state == "revoked" else None,
    )


def _sees(cast, client, door):
    family, meeting = cast.family.pk, cast.meeting.pk
    if door == "api":
        response = ApiClient(cast.member).get(f"/families/{family}/meetings/{meeting}")
        assert response.status_code == 200
        return response.json()["notes"] == SECRET
    client.force_login(cast.member)
    url = {
        "page": reverse("meeting", args=[family, meeting]),
        "pdf": reverse("meeting_pdf", args=[family, meeting]),
        "export": reverse("family_export", args=[family]) + "?lang=en",
        "search": reverse("search") + "?q=counseling",
    }[door]
    response = client.get(url)
    assert response.status_code == 200
    if door == "pdf":
        return SECRET in " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
        )
    if door == "export":
        book = load_workbook(io.BytesIO(response.content))
        return any(
            cell == SECRET for row in book["Meetings"].iter_rows(values_only=True) for cell in row
        )
    page = response.content.decode()
    if door == "search":
        return reverse("meeting", args=[family, meeting]) in page
    return SECRET in page


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("category", sorted(PROTECTED))
@pytest.mark.parametrize("state", STATES)
def test_protected_record_is_seen_only_under_an_active_consent(
    client, cast, state, category, kind, door
):
    _protect_notes(cast, category)
    _consent(cast, state, category, kind)
    assert _sees(cast, client, door) is (state == "active")


@pytest.mark.parametrize("door", DOORS)
def test_consent_for_another_category_does_not_open_this_one(client, cast, door):
    _protect_notes(cast, "substance_use")
    _consent(cast, "active", "mental_health", "team")
    assert not _sees(cast, client, door)


@pytest.mark.parametrize("door", DOORS)
def test_family_and_author_always_see_protected_records(client, cast, door):
    _protect_notes(cast, "substance_use")
    for user in (cast.caregiver, cast.facilitator):
        if door == "page":
            client.force_login(user)
            assert (
                SECRET
                in client.get(
                    reverse("meeting", args=[cast.family.pk, cast.meeting.pk])
                ).content.decode()
            )
        else:
            assert (
                ApiClient(user)
                .get(f"/families/{cast.family.pk}/meetings/{cast.meeting.pk}")
                .json()["notes"]
                == SECRET
            )


def test_revocation_takes_effect_at_once(client, cast):
    _protect_notes(cast, "mental_health")
    _consent(cast, "active", "mental_health", "person")
    assert _sees(cast, client, "page")
    Consent.objects.filter(recipient_user=cast.member).update(revoked_at=timezone.now())
    assert not _sees(cast, client, "page")


def test_calendar_feed_and_invitations_never_carry_notes(client, cast):
    _protect_notes(cast, "general")
    token = cast.member.new_calendar_feed()
    assert SECRET not in client.get(reverse("calendar_feed", args=[token])).content.decode()
    client.force_login(cast.member)
    assert (
        SECRET
        not in client.get(
            reverse("meeting_ics", args=[cast.family.pk, cast.meeting.pk])
        ).content.decode()
    )
