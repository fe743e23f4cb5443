"""Emergency access opens substance-use (42 CFR Part 2) records only for a stated medical
emergency, and then keeps what 42 CFR 2.51 asks: who, when, which program, what emergency."""

import pytest
from django.urls import reverse

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.consent import actions, policy
from soc.consent.models import EmergencyAccess
from soc.teams.models import Meeting, NextStep

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    """A substance-use next step written by a recovery program's counselor, a mental-health
    one, and the substance-use notes of a meeting."""
    recovery = f.OrganizationFactory(name="Wake Recovery Services", kind="provider")
    counselor = f.StaffFactory(full_name="Rita Recovery", organization=recovery)
    part2 = f.NextStepFactory(
        team=cast.team,
        responsible=cast.member_membership,
        author=counselor,
        category="substance_use",
        description="Keep the weekly recovery group",
    )
    mental = f.NextStepFactory(
        team=cast.team,
        responsible=cast.member_membership,
        category="mental_health",
        description="Therapy on Tuesdays",
    )
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="Recovery plan reviewed", category="substance_use", author=counselor
    )
    return part2, mental


def _open(client, cast, kind, reason="Leo is in the ER after an overdose"):
    client.force_login(cast.emergency_doctor)
    return client.post(
        reverse("emergency_open", args=[cast.family.pk]), {"kind": kind, "reason": reason}
    )


def _readable_steps(user):
    policy.forget_access(user)
    return set(NextStep.objects.visible_to(user).values_list("description", flat=True))


def test_emergency_that_is_not_medical_keeps_substance_use_records_closed(client, cast, records):
    part2, mental = records
    assert _open(client, cast, "other", "The child is not safe at home tonight").status_code == 302
    doctor = cast.emergency_doctor
    assert "Keep the weekly recovery group" not in _readable_steps(doctor)
    assert "Therapy on Tuesdays" in _readable_steps(doctor)
    assert not part2.is_readable_by(doctor) and mental.is_readable_by(doctor)
    family = NextStep.objects.visible_to(doctor, family=cast.family)
    assert not family.filter(pk=part2.pk).exists() and family.filter(pk=mental.pk).exists()
    meeting = Meeting.objects.with_readability(doctor, family=cast.family).get(pk=cast.meeting.pk)
    assert meeting.readable is False
    page = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk])).content.decode()
    assert "Recovery plan reviewed" not in page
    grant = EmergencyAccess.objects.get()
    assert grant.medical_emergency is False and grant.disclosing_programs == []


def test_medical_emergency_opens_substance_use_records_and_records_what_2_51_asks(
    client, cast, records
):
    part2, _mental = records
    response = _open(client, cast, "medical")
    assert response.status_code == 302
    doctor = cast.emergency_doctor
    assert "Keep the weekly recovery group" in _readable_steps(doctor)
    assert part2.is_readable_by(doctor)
    page = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk])).content.decode()
    assert "Recovery plan reviewed" in page and "42 CFR part 2" in page
    grant = EmergencyAccess.objects.get()
    # Who and their affiliation, when, the disclosing program, the nature of the emergency.
    assert grant.recipient_name == "Erin Emergency"
    assert grant.recipient_affiliation == doctor.organization.name
    assert grant.started_at is not None
    assert grant.disclosing_programs == ["Wake Recovery Services"]
    assert grant.reason == "Leo is in the ER after an overdose"
    event = AuditEvent.objects.get(action="emergency.open")
    assert event.detail["medical"] is True
    assert event.detail["programs"] == ["Wake Recovery Services"]
    assert event.reason == grant.reason
    # What was shown under it is on the disclosure log the family reads.
    assert AuditEvent.objects.filter(
        action="disclosure", actor=doctor, detail__emergency=True
    ).exists()


def test_emergency_form_asks_what_kind_of_emergency(client, cast):
    client.force_login(cast.emergency_doctor)
    url = reverse("emergency_open", args=[cast.family.pk])
    page = client.get(url).content.decode()
    assert "medical emergency" in page and "42 CFR Part 2" in page
    response = client.post(url, {"reason": "Leo is in the ER after an overdose"})
    assert response.status_code == 200 and not EmergencyAccess.objects.exists()


def test_programs_named_by_a_part2_consent_are_the_disclosing_programs(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(category="substance_use")
    from soc.consent.tests.test_consent_actions import _fields

    actions.give_consent(cast.caregiver, cast.family, _fields(cast, discloser="Hope Clinic"))
    grant = actions.open_in_emergency(
        cast.emergency_doctor, cast.family, "Overdose, treating now in the ER", medical=True
    )
    assert "Hope Clinic" in grant.disclosing_programs
