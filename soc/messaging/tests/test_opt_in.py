"""Saying yes or no to texts on the page: who may, what is recorded, what is sent."""

import pytest
from django.urls import reverse

from soc.audit.models import AuditEvent
from soc.texting import backends

pytestmark = pytest.mark.django_db


def _url(cast, member):
    return reverse("member_reminders", args=[cast.family.pk, member.pk])


def _say_yes(client, cast, member, number="(919) 555-0100", **extra):
    data = {"version": member.version, "number": number, "texts": "on", "email_reminders": "on"}
    return client.post(_url(cast, member), {**data, **extra})


def test_a_caregiver_turns_on_texts_for_grandma_and_the_consent_is_recorded(
    client, cast, no_case_details, django_capture_on_commit_callbacks
):
    client.force_login(cast.caregiver)
    with django_capture_on_commit_callbacks(execute=True):
        response = _say_yes(client, cast, cast.grandma)
    assert response.status_code == 302
    cast.grandma.refresh_from_db()
    assert cast.grandma.text_number == "+19195550100"
    assert cast.grandma.accepts_texts and cast.grandma.text_opt_out_at is None
    event = AuditEvent.objects.get(action="member.texts_opt_in")
    assert event.actor == cast.caregiver and event.family_id == cast.family.pk
    assert event.object_id == str(cast.grandma.pk)
    assert event.detail["by"] == "caregiver" and event.detail["how"] == "page"
    assert "STOP" in event.detail["wording"]  # the words she agreed to, in her language
    assert "Acepto" in event.detail["wording"]
    (welcome,) = backends.outbox
    assert welcome.to == "+19195550100" and "STOP" in welcome.body
    assert "recibirá mensajes" in welcome.body  # Abuela Rosa reads Spanish
    no_case_details(cast.family)


def test_a_member_turns_on_texts_for_themself(client, cast):
    client.force_login(cast.member)
    assert client.get(_url(cast, cast.member_membership)).status_code == 200
    _say_yes(client, cast, cast.member_membership, number="919.555.0123")
    event = AuditEvent.objects.get(action="member.texts_opt_in")
    assert event.detail["by"] == "member"
    cast.member_membership.refresh_from_db()
    assert cast.member_membership.text_number == "+19195550123"


def test_the_page_shows_the_consent_wording_next_to_the_box(client, cast):
    client.force_login(cast.caregiver)
    page = client.get(_url(cast, cast.grandma)).content.decode()
    assert 'id="texts-consent"' in page and 'aria-describedby="texts-consent"' in page
    assert "STOP" in page and "Abuela Rosa" in page


@pytest.mark.parametrize("relation", ["youth", "facilitator"])
def test_others_on_the_team_cannot_choose_for_someone_else(client, cast, relation):
    client.force_login(getattr(cast, relation))
    assert _say_yes(client, cast, cast.grandma).status_code == 403
    cast.grandma.refresh_from_db()
    assert not cast.grandma.accepts_texts
    assert not AuditEvent.objects.filter(action="member.texts_opt_in").exists()


def test_people_outside_the_team_get_404(client, cast):
    client.force_login(cast.other_org_staff)
    assert _say_yes(client, cast, cast.grandma).status_code == 404


def test_a_number_that_cannot_get_texts_is_refused_with_a_clear_message(client, cast):
    client.force_login(cast.caregiver)
    response = _say_yes(client, cast, cast.grandma, number="555-0100")
    assert response.status_code == 200
    # The caregiver reads Spanish.
    assert "número" in response.content.decode()
    cast.grandma.refresh_from_db()
    assert not cast.grandma.accepts_texts and backends.outbox == []


def test_without_the_box_ticked_no_texts_are_turned_on(client, cast):
    client.force_login(cast.caregiver)
    _say_yes(client, cast, cast.grandma, texts="")
    cast.grandma.refresh_from_db()
    assert not cast.grandma.accepts_texts
    assert not AuditEvent.objects.filter(action="member.texts_opt_in").exists()


def test_turning_texts_off_on_the_page_is_recorded(client, cast):
    client.force_login(cast.caregiver)
    _say_yes(client, cast, cast.grandma)
    cast.grandma.refresh_from_db()
    client.post(
        _url(cast, cast.grandma),
        {"version": cast.grandma.version, "number": "919-555-0100", "email_reminders": "on"},
    )
    cast.grandma.refresh_from_db()
    assert not cast.grandma.accepts_texts and cast.grandma.text_opt_out_at is not None
    event = AuditEvent.objects.get(action="member.texts_opt_out")
    assert event.detail == {"how": "page", "by": "caregiver"}


def test_turning_off_email_reminders_is_recorded(client, cast):
    client.force_login(cast.member)
    client.post(_url(cast, cast.member_membership), {"version": cast.member_membership.version})
    cast.member_membership.refresh_from_db()
    assert cast.member_membership.email_reminders is False
    assert AuditEvent.objects.get(action="member.email_reminders").detail["on"] is False


def test_a_stale_form_is_refused_not_overwritten(client, cast):
    client.force_login(cast.caregiver)
    _say_yes(client, cast, cast.grandma)
    response = _say_yes(client, cast, cast.grandma, number="919-555-0177")  # old version
    assert response.status_code == 409
    cast.grandma.refresh_from_db()
    assert cast.grandma.text_number == "+19195550100"


def test_the_team_page_offers_the_reminders_page_only_to_who_may_use_it(client, cast):
    link = _url(cast, cast.grandma)
    client.force_login(cast.caregiver)
    assert link in client.get(reverse("family", args=[cast.family.pk])).content.decode()
    client.force_login(cast.member)
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert link not in page and _url(cast, cast.member_membership) in page
