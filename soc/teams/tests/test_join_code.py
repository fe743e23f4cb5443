"""A caregiver without e-mail gets a printed letter with a QR code and a short code; she types
the code at /join/, creates her account and is on her team. Guessing codes is locked out."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from soc.accounts.models import User
from soc.audit.models import AuditEvent
from soc.families.models import Family
from soc.teams import actions
from soc.teams.models import Invitation, Membership

pytestmark = pytest.mark.django_db
PASSWORD = "Una-clave-larga-77"


@pytest.fixture
def abuela(cast):
    """A second caregiver recorded without an e-mail (she has none on file)."""
    return Membership.objects.create(
        team=cast.team,
        role="caregiver",
        status="active",
        name="Rosa Jiménez",
        language="es",
        proposed_by=cast.facilitator,
    )


def _letter(client, cast, member):
    client.force_login(cast.facilitator)
    response = client.post(reverse("member_letter", args=[cast.family.pk, member.pk]))
    client.logout()
    return response


def _text(pdf):
    reader = PdfReader(BytesIO(pdf))
    return reader, " ".join(page.extract_text() for page in reader.pages)


def _code_from(text):
    import re

    return re.search(r"\b([A-Z0-9]{4}-[A-Z0-9]{4})\b", text).group(1)


def test_letter_is_one_spanish_page_with_the_code_a_qr_image_and_who_to_call(client, cast, abuela):
    cast.facilitator.organization.phone = "919-555-0100"
    cast.facilitator.organization.save()
    response = _letter(client, cast, abuela)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    reader, text = _text(response.content)
    assert len(reader.pages) == 1
    assert "Rosa Jiménez, cree su cuenta para el equipo de su familia" in " ".join(text.split())
    assert "Escriba este código" in text and "/join/" in text
    assert "De Fran Facilitator, Wake County Human Services" in text and "919-555-0100" in text
    code = _code_from(text)
    assert Invitation.find_by_code(code).membership == abuela
    # The QR code is drawn on the page (pypdf cannot decode it; it is there as vector paths).
    assert len(reader.pages[0].get_contents().get_data()) > 5000
    # No case details: not the family's name, not the children.
    assert "Rivera" not in text.replace("Rosa Jiménez", "") and "Ana" not in text
    event = AuditEvent.objects.get(action="member.invitation_letter")
    assert (event.actor, event.object_id) == (cast.facilitator, str(abuela.pk))


def test_only_the_facilitator_prints_letters(client, cast, abuela):
    client.force_login(cast.caregiver)
    assert (
        client.post(reverse("member_letter", args=[cast.family.pk, abuela.pk])).status_code == 403
    )
    client.force_login(cast.other_org_staff)
    assert (
        client.post(reverse("member_letter", args=[cast.family.pk, abuela.pk])).status_code == 404
    )


def test_code_creates_the_account_with_her_email_and_joins_the_team(client, cast, abuela):
    code = _code_from(_text(_letter(client, cast, abuela).content)[1])
    page = client.get(reverse("join_with_code") + f"?code={code}&lang=es")
    assert "Cree su cuenta con su código" in page.content.decode() and code in page.content.decode()
    response = client.post(reverse("join_with_code"), {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302 and response.url == reverse("join_account")
    page = client.get(reverse("join_account")).content.decode()
    assert "Fran Facilitator" in page and "Rosa Jiménez" in page
    response = client.post(
        reverse("join_account"),
        {
            "full_name": "Rosa Jiménez",
            "email": "Rosa@Example.org",
            "language": "es",
            "password": PASSWORD,
        },
    )
    assert response.status_code == 302 and response.url == reverse("family", args=[cast.family.pk])
    user = User.objects.get(email="rosa@example.org")
    abuela.refresh_from_db()
    assert abuela.user == user and abuela.email == "rosa@example.org"
    assert list(Family.objects.visible_to(user)) == [cast.family]
    # Used once: the same code does not work again.
    client.logout()
    response = client.post(reverse("join_with_code"), {"code": code})
    assert response.status_code == 200 and "That code does not work" in response.content.decode()


def test_a_new_letter_replaces_the_code_of_the_old_one(client, cast, abuela):
    first = _code_from(_text(_letter(client, cast, abuela).content)[1])
    second = _code_from(_text(_letter(client, cast, abuela).content)[1])
    assert first != second
    assert Invitation.find_by_code(first) is None
    assert Invitation.find_by_code(second).membership == abuela


def test_wrong_codes_are_locked_out_after_five_and_say_nothing_about_families(
    client, cast, abuela, settings
):
    code = _code_from(_text(_letter(client, cast, abuela).content)[1])
    client.cookies["django_language"] = "es"
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("join_with_code"), {"code": f"WXYZ-{attempt}AAA"})
        assert response.status_code == 200
        assert "Ese código no funciona" in response.content.decode()
    assert AuditEvent.objects.filter(action="invitation.code_failed").count() == 5
    # Even the right code is refused while locked: guessing cannot go on.
    response = client.post(reverse("join_with_code"), {"code": code})
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()
    assert "join_invitation" not in client.session
    assert "Rivera" not in response.content.decode()


def test_account_page_without_a_right_code_sends_back_to_the_code(client):
    response = client.get(reverse("join_account"))
    assert response.status_code == 302 and response.url == reverse("join_with_code")


def test_email_of_an_existing_account_is_refused_with_a_way_forward(client, cast, abuela):
    code = _code_from(_text(_letter(client, cast, abuela).content)[1])
    client.post(reverse("join_with_code"), {"code": code})
    response = client.post(
        reverse("join_account"),
        {"full_name": "Rosa", "email": cast.member.email, "language": "es", "password": PASSWORD},
    )
    assert response.status_code == 200
    assert "Primero entre con esa cuenta" in response.content.decode()  # in her language
    abuela.refresh_from_db()
    assert abuela.user is None


def test_signed_in_person_joins_with_a_code(client, cast, abuela):
    code = _code_from(_text(_letter(client, cast, abuela).content)[1])
    rosa = User.objects.create_user("rosa@example.org", PASSWORD, full_name="Rosa")
    client.force_login(rosa)
    client.post(reverse("join_with_code"), {"code": code})
    response = client.post(reverse("join_account"))
    assert response.status_code == 302
    abuela.refresh_from_db()
    assert abuela.user == rosa


def test_letter_is_refused_for_someone_with_an_account(cast):
    with pytest.raises(Exception, match="already has an account"):
        actions.print_letter(cast.facilitator, cast.caregiver_membership)
