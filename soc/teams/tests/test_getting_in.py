"""A family member entered with an e-mail gets a link to create an account: at intake or later,
in their own language, naming the facilitator and the agency; staff can send it again."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.families.models import Person
from soc.teams import actions
from soc.teams.models import Invitation, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    agency = f.OrganizationFactory(name="Wake County Human Services", phone="919-555-0100")
    return f.StaffFactory(full_name="Fran Facilitator", organization=agency)


def _open(coordinator, **caregiver):
    return actions.open_family(
        coordinator,
        family_fields={
            "display_name": "The García family",
            "county": f.wake(),
            "primary_language": "es",
        },
        people=[
            {
                "role": "child",
                "first_name": "Sofía",
                "last_name": "García",
                "date_of_birth": date(2016, 4, 2),
                "preferred_language": "es",
            },
            {
                "role": "caregiver",
                "first_name": "Lucía",
                "last_name": "García",
                "relation": "mother",
                "preferred_language": "es",
                **caregiver,
            },
        ],
    )


def _link(message):
    (line,) = [w for w in message.body.split() if "/invitations/" in w]
    return line.split("testserver", 1)[-1].split("8000", 1)[-1]


def test_caregiver_with_email_at_intake_gets_a_spanish_invitation_naming_facilitator_and_agency(
    coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _open(coordinator, email="Lucia@Example.org")
    (message,) = mail.outbox
    assert message.to == ["lucia@example.org"]
    assert "Cree su cuenta para su Equipo de Niños y Familia" in message.subject
    assert "Wake County Human Services" in message.subject
    body = message.body
    assert "Hola, Lucía García:" in body
    assert "Fran Facilitator, de Wake County Human Services, le agregó" in body
    assert "919-555-0100" in body
    assert "Como cuidador(a), usted elige quién está en su equipo" in body
    assert "/invitations/" in body
    # No case details: not the family's name, not the child's.
    assert "García family" not in body and "Sofía" not in body and "familia García" not in body
    assert "Una familia" not in body


def test_invitation_is_sent_only_after_the_family_is_saved(coordinator):
    _open(coordinator, email="lucia@example.org")  # on_commit callbacks never run here
    assert mail.outbox == []


def test_caregiver_without_email_gets_no_email_but_is_on_the_team(
    coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        family = _open(coordinator)
    assert mail.outbox == []
    assert family.team.memberships.get(role="caregiver").is_active


def test_english_speaking_caregiver_gets_english(coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _open(coordinator, email="lucia@example.org", preferred_language="en")
    (message,) = mail.outbox
    assert "Create your account for your Child and Family Team" in message.subject
    assert "Fran Facilitator, from Wake County Human Services, added you" in message.body


def test_caregiver_added_later_joins_the_team_and_is_invited(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("person_add", args=[cast.family.pk]),
            {
                "role": "caregiver",
                "first_name": "Rosa",
                "last_name": "Jiménez",
                "relation": "grandmother",
                "preferred_language": "es",
                "email": "rosa@example.org",
            },
        )
    assert response.status_code == 302
    member = cast.team.memberships.get(email="rosa@example.org")
    assert (member.role, member.status, member.language) == ("caregiver", "active", "es")
    (message,) = mail.outbox
    assert message.to == ["rosa@example.org"] and "Hola, Rosa Jiménez" in message.body
    assert AuditEvent.objects.filter(
        action="member.join_as_family", object_id=str(member.pk)
    ).exists()


def test_sending_again_gives_a_new_link_and_the_old_one_stops_working(
    client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        family = _open(coordinator, email="lucia@example.org")
    old = _link(mail.outbox[0])
    assert client.get(old).status_code == 200
    member = family.team.memberships.get(role="caregiver")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("member_resend", args=[family.pk, member.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    new = _link(mail.outbox[1])
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    event = AuditEvent.objects.get(action="member.invitation_resend")
    assert (event.actor, event.object_id, event.family_id) == (
        coordinator,
        str(member.pk),
        family.pk,
    )


def test_team_page_offers_staff_to_send_again_and_print_a_letter(
    client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        family = _open(coordinator, email="lucia@example.org")
    client.force_login(coordinator)
    page = client.get(reverse("family", args=[family.pk])).content.decode()
    assert "Send Lucía García the account link again" in page
    assert "Print a letter with a code for Lucía García" in page
    assert "invitation sent" in page


def test_member_with_an_account_cannot_be_sent_a_link(client, cast):
    client.force_login(cast.facilitator)
    client.post(reverse("member_resend", args=[cast.family.pk, cast.caregiver_membership.pk]))
    assert not Invitation.objects.exists()


def test_outsider_cannot_send_again(client, cast):
    grandma = cast.team.memberships.filter(user__isnull=True).exclude(email="").first() or (
        Membership.objects.create(
            team=cast.team,
            role="natural_support",
            support_kind="relative",
            status="active",
            name="Abuela",
            email="abuela@example.org",
        )
    )
    client.force_login(cast.other_org_staff)
    response = client.post(reverse("member_resend", args=[cast.family.pk, grandma.pk]))
    assert response.status_code == 404
    client.force_login(cast.member)
    assert (
        client.post(reverse("member_resend", args=[cast.family.pk, grandma.pk])).status_code == 403
    )


def test_people_at_intake_cannot_share_one_email(coordinator):
    with pytest.raises(Exception) as raised:
        actions.open_family(
            coordinator,
            family_fields={"display_name": "The Ruiz family", "county": f.wake()},
            people=[
                {
                    "role": "youth",
                    "first_name": "Ana",
                    "date_of_birth": date(2010, 1, 1),
                    "email": "same@example.org",
                },
                {"role": "caregiver", "first_name": "Eva", "email": "same@example.org"},
            ],
        )
    assert "people[1].email" in raised.value.message_dict
    assert not Person.objects.filter(first_name="Eva").exists()
