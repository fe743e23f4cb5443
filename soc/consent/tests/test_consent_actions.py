import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from soc.audit.models import AuditEvent
from soc.consent import actions
from soc.families.models import Family
from soc.teams.actions import remove_member
from soc.teams.models import Meeting

pytestmark = pytest.mark.django_db


def _fields(cast, **changes):
    today = timezone.localdate()
    fields = {
        "granted_by": cast.caregiver_membership.person,
        "discloser": "Wake Recovery Services",
        "recipient_kind": "person",
        "recipient_user": cast.member,
        "recipient_organization": None,
        "categories": ["substance_use"],
        "purpose": "care_coordination",
        "purpose_other": "",
        "starts_on": today,
        "expires_on": today + timedelta(days=90),
        "right_to_revoke_explained": True,
        "signed_name": "Maria Rivera",
        "signed_on": today,
        "signature_method": "electronic",
    }
    return fields | changes


def test_caregiver_gives_a_complete_substance_use_consent(cast):
    consent = actions.give_consent(cast.caregiver, cast.family, _fields(cast))
    assert consent.is_active() and consent.recipient_label == cast.member.full_name
    assert AuditEvent.objects.filter(action="consent.give", object_id=str(consent.pk)).exists()


@pytest.mark.parametrize(
    ("missing", "field"),
    [
        ({"discloser": ""}, "discloser"),
        ({"right_to_revoke_explained": False}, "right_to_revoke_explained"),
        ({"expires_on": None}, "expires_on"),
        ({"categories": []}, "categories"),
        ({"recipient_user": None}, "recipient_user"),
        ({"purpose": "other", "purpose_other": ""}, "purpose_other"),
    ],
)
def test_substance_use_consent_without_every_part2_element_cannot_be_saved(cast, missing, field):
    with pytest.raises(ValidationError) as error:
        actions.give_consent(cast.caregiver, cast.family, _fields(cast, **missing))
    assert field in error.value.message_dict
    assert (
        not cast.family.consents.filter(categories__isnull=False)
        .exclude(pk=cast.consent.pk)
        .exists()
    )


def test_consent_naming_a_removed_member_is_refused(cast):
    remove_member(cast.caregiver, cast.member_membership)
    with pytest.raises(ValidationError) as error:
        actions.give_consent(cast.caregiver, cast.family, _fields(cast))
    assert "recipient_user" in error.value.message_dict


def test_expiry_in_the_past_is_refused(cast):
    past = timezone.localdate() - timedelta(days=1)
    with pytest.raises(ValidationError):
        actions.give_consent(
            cast.caregiver,
            cast.family,
            _fields(cast, starts_on=past - timedelta(days=9), expires_on=past),
        )


def test_young_child_cannot_consent_and_staff_record_only_in_person(cast):
    with pytest.raises(ValidationError) as error:
        actions.give_consent(cast.caregiver, cast.family, _fields(cast, granted_by=cast.child))
    assert "granted_by" in error.value.message_dict
    with pytest.raises(ValidationError):
        actions.give_consent(cast.facilitator, cast.family, _fields(cast))
    assert actions.give_consent(
        cast.facilitator, cast.family, _fields(cast, signature_method="in_person")
    )
    with pytest.raises(PermissionDenied):
        actions.give_consent(cast.member, cast.family, _fields(cast))


def test_consent_pdf_is_in_the_familys_language_with_the_part2_notice(client, cast):
    consent = actions.give_consent(cast.caregiver, cast.family, _fields(cast))
    client.force_login(cast.facilitator)  # an English-speaking reader: the PDF follows the family
    response = client.get(reverse("consent_pdf", args=[cast.family.pk, consent.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Wake Recovery Services" in text and "Maria Rivera" in text
    assert "42 CFR" in text
    assert "Consentimiento" in text  # the family speaks Spanish


def test_pdf_without_substance_use_has_no_part2_notice(client, cast):
    client.force_login(cast.caregiver)
    response = client.get(reverse("consent_pdf", args=[cast.family.pk, cast.consent.pk]))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "42 CFR" not in text


def test_education_record_shown_under_consent_is_logged_as_a_disclosure(client, cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="Reading plan", category="education", author=cast.facilitator
    )
    actions.give_consent(
        cast.caregiver, cast.family, _fields(cast, categories=["education"], purpose="treatment")
    )
    client.force_login(cast.member)
    client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk]))
    event = AuditEvent.objects.get(action="disclosure")
    assert (event.actor_id, event.detail["category"], event.reason) == (
        cast.member.pk,
        "education",
        "Treatment",
    )
    client.force_login(cast.caregiver)
    page = client.get(reverse("who_looked", args=[cast.family.pk])).content.decode()
    assert (
        "Sam Counselor" in page and "Protected records that were shared" not in page
    )  # shown in Spanish
    assert "Registros protegidos" in page or "compart" in page


def test_emergency_access_opens_for_24_hours_tells_the_family_and_stands_out(
    client, cast, django_capture_on_commit_callbacks
):
    url = reverse("family", args=[cast.family.pk])
    client.force_login(cast.emergency_doctor)
    assert client.get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("emergency_open", args=[cast.family.pk]),
            {"kind": "other", "reason": "Child in the ER, needs safety plan"},
        )
    assert response.status_code == 302
    assert client.get(url).status_code == 200
    told = sorted(m.to[0] for m in mail.outbox)
    assert told == sorted([cast.caregiver.email, cast.facilitator.email])
    assert all("ER" not in m.body for m in mail.outbox)  # no case details in e-mail
    client.force_login(cast.caregiver)
    page = client.get(reverse("who_looked", args=[cast.family.pk])).content.decode()
    assert "Erin Emergency" in page and "Child in the ER" in page
    from soc.consent.models import EmergencyAccess

    EmergencyAccess.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(cast.emergency_doctor)
    assert client.get(url).status_code == 404


def test_emergency_access_needs_the_permission_and_a_reason(client, cast):
    client.force_login(cast.other_org_staff)
    assert (
        client.post(
            reverse("emergency_open", args=[cast.family.pk]),
            {"kind": "other", "reason": "Because I want to"},
        ).status_code
        == 404
    )
    client.force_login(cast.emergency_doctor)
    assert (
        client.post(
            reverse("emergency_open", args=[cast.family.pk]), {"kind": "other", "reason": "x"}
        ).status_code
        == 200
    )
    assert not Family.objects.visible_to(cast.emergency_doctor).exists()


def test_refused_consent_is_recorded_without_saving_it(cast):
    with pytest.raises(ValidationError):
        actions.give_consent(
            cast.caregiver, cast.family, _fields(cast, right_to_revoke_explained=False)
        )
    event = AuditEvent.objects.get(action="consent.refused")
    assert (
        event.detail["fields"] == ["right_to_revoke_explained"]
        and event.family_id == cast.family.pk
    )
    assert cast.family.consents.count() == 1  # only the fixture's


def test_emergency_form_is_recorded_and_cannot_be_renewed_while_open(client, cast):
    url = reverse("emergency_open", args=[cast.family.pk])
    client.force_login(cast.emergency_doctor)
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="emergency.form", actor=cast.emergency_doctor).exists()
    client.post(url, {"kind": "other", "reason": "Child in the ER, needs safety plan"})
    response = client.post(url, {"kind": "other", "reason": "Another reason, much later"})
    assert response.status_code == 302
    from soc.consent.models import EmergencyAccess

    assert EmergencyAccess.objects.count() == 1


def test_family_members_give_consent_only_in_their_own_name(cast):
    with pytest.raises(ValidationError) as error:
        actions.give_consent(cast.youth, cast.family, _fields(cast))  # signed as the mother
    assert "granted_by" in error.value.message_dict
