"""Consents through the API, and what the API shows and logs under a consent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soc.api.testing import ApiClient
from soc.audit.models import AuditEvent
from soc.consent import actions
from soc.consent.models import Consent
from soc.teams.models import Meeting

from .test_consent_actions import _fields

pytestmark = pytest.mark.django_db


def _body(cast, **changes):
    return {
        "granted_by": cast.caregiver_membership.person_id,
        "discloser": "Wake Recovery Services",
        "recipient_kind": "person",
        "recipient_user": cast.member.pk,
        "categories": ["substance_use"],
        "purpose": "care_coordination",
        "expires_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
        "right_to_revoke_explained": True,
        "signed_name": "Maria Rivera",
        "signature_method": "electronic",
    } | changes


def test_caregiver_gives_and_revokes_a_consent_through_the_api(cast):
    client = ApiClient(cast.caregiver)
    response = client.post(f"/families/{cast.family.pk}/consents", _body(cast))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "active" and "42 CFR part 2" in body["notice"]
    revoked = client.post(f"/families/{cast.family.pk}/consents/{body['id']}/revoke")
    assert revoked.json()["status"] == "revoked"
    assert Consent.objects.get(pk=body["id"]).is_revoked


def test_missing_part2_element_is_a_422_with_the_field(cast):
    response = ApiClient(cast.caregiver).post(
        f"/families/{cast.family.pk}/consents", _body(cast, right_to_revoke_explained=False)
    )
    assert response.status_code == 422
    assert [p["loc"] for p in response.json()["detail"]] == [["body", "right_to_revoke_explained"]]


def test_consent_in_someone_elses_name_or_by_staff_member_is_refused(cast):
    by_youth = ApiClient(cast.youth).post(f"/families/{cast.family.pk}/consents", _body(cast))
    assert by_youth.status_code == 422
    assert (
        ApiClient(cast.member).post(f"/families/{cast.family.pk}/consents", _body(cast)).status_code
        == 403
    )
    assert ApiClient(cast.member).get(f"/families/{cast.family.pk}/consents").status_code == 200


def test_meeting_notes_shown_under_consent_carry_the_part2_notice_and_are_logged(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="Recovery plan", category="substance_use", author=cast.facilitator
    )
    actions.give_consent(cast.caregiver, cast.family, _fields(cast))
    body = (
        ApiClient(cast.member).get(f"/families/{cast.family.pk}/meetings/{cast.meeting.pk}").json()
    )
    assert body["notes"] == "Recovery plan" and "42 CFR part 2" in body["notice"]
    assert AuditEvent.objects.filter(
        action="disclosure", actor=cast.member, detail__category="substance_use"
    ).exists()


def test_meeting_list_logs_each_disclosure(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="Reading plan", category="education", author=cast.facilitator
    )
    actions.give_consent(cast.caregiver, cast.family, _fields(cast, categories=["education"]))
    rows = ApiClient(cast.member).get(f"/families/{cast.family.pk}/meetings").json()["items"]
    assert rows[0]["notes"] == "Reading plan"
    assert AuditEvent.objects.filter(action="disclosure", actor=cast.member).count() == 1


def test_reads_under_emergency_access_stand_out_in_the_audit(cast):
    actions.open_in_emergency(
        cast.emergency_doctor, cast.family, "Child in the ER, needs safety plan"
    )
    assert ApiClient(cast.emergency_doctor).get(f"/families/{cast.family.pk}").status_code == 200
    event = AuditEvent.objects.get(action="family.view", actor=cast.emergency_doctor)
    assert event.detail == {"emergency": True}
