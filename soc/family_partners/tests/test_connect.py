"""The public form: plain questions, clear messages in the family's language, no sign-in."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from soc.audit.models import AuditEvent

from ..models import FamilyRequest, RequestNotice
from .builders import FORM, family_organization, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def wake_partner(db):
    return partner(family_organization("Wake Family Partners", "Wake"))


def test_a_family_sends_a_request_and_is_told_what_happens_next_in_spanish(client, wake_partner):
    response = client.post(reverse("connect"), FORM, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    with translation.override("es"):
        assert translation.gettext("They contact you within 2 business days") in text
    assert '<html lang="es">' in text
    sent = FamilyRequest.objects.get()
    assert sent.county.name == "Wake"  # from the ZIP code
    assert sent.ways == ["phone", "text"] and sent.safe_to_leave_message
    assert RequestNotice.objects.filter(user=wake_partner, request=sent).exists()


def test_the_partners_e_mail_says_nothing_about_the_family(
    client, wake_partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("connect"), FORM)
    (message,) = mail.outbox
    assert message.to == [wake_partner.email]
    for detail in ("Rosa", "919-555-0142", "suspended", "Wake"):
        assert detail not in message.body and detail not in message.subject


def test_nothing_personal_goes_to_the_audit_log(client, wake_partner):
    client.post(reverse("connect"), FORM)
    event = AuditEvent.objects.get(action="family_request.submit")
    assert "Rosa" not in str(event.detail) and event.ip_address is None


def test_messages_are_in_spanish_and_nothing_is_saved(client, wake_partner):
    client.cookies["django_language"] = "es"
    response = client.post(
        reverse("connect"), {"language": "es", "zip_code": "2760", "ways": ["email"]}
    )
    assert response.status_code == 200
    text = response.content.decode()
    with translation.override("es"):
        for message in (
            "Please tell us what to call you.",
            "Please enter a 5-digit ZIP code, like 27601.",
        ):
            assert translation.gettext(message) != message
            assert translation.gettext(message) in text
    assert not FamilyRequest.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ways": []}, "ways", "Please choose at least one way to reach you."),
        ({"ways": ["email"]}, "email", "Please give an e-mail address so we can write to you."),
        ({"phone": ""}, "phone", "Please give a phone number so we can call or text you."),
        ({"agreed_to_contact": ""}, "agreed_to_contact", "Please check the box"),
        ({"zip_code": "90210"}, "zip_code", "We could not find this ZIP code in North Carolina"),
        ({"help_with": [], "in_their_words": ""}, "help_with", "Please choose what you want"),
        ({"language": "other"}, "language_other", "Please tell us which language."),
    ],
)
def test_each_missing_answer_gets_its_own_message(client, wake_partner, changes, field, message):
    response = client.post(reverse("connect"), {**FORM, **changes})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not FamilyRequest.objects.exists()


def test_a_county_chosen_from_the_list_needs_no_zip_code(client, wake_partner):
    from soc.accounts.models import County

    durham = County.objects.get(name="Durham")
    response = client.post(reverse("connect"), {**FORM, "zip_code": "", "county": durham.pk})
    assert response.status_code == 302
    assert FamilyRequest.objects.get().county == durham


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_saved(client, wake_partner):
    response = client.post(reverse("connect"), {**FORM, "website": "http://spam"})
    assert response.status_code == 302
    assert not FamilyRequest.objects.exists() and not mail.outbox


def test_one_address_may_send_only_a_few_requests_an_hour(client, wake_partner, settings):
    settings.SOC_FAMILY_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(reverse("connect"), FORM).status_code == 302
    response = client.post(reverse("connect"), FORM)
    assert response.status_code == 429
    assert FamilyRequest.objects.count() == 2
    other = client.post(reverse("connect"), FORM, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_the_thanks_page_without_a_request_goes_back_to_the_form(client):
    response = client.get(reverse("connect_thanks"))
    assert response.status_code == 302 and response["Location"] == reverse("connect")


def test_the_form_is_public(client):
    response = client.get(reverse("connect"))
    assert response.status_code == 200
    assert b'name="website"' in response.content
