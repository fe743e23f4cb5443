"""Replies to our texts: STOP and START are recorded for every team the number is on."""

import json

import pytest
from django.urls import reverse

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.teams.models import Membership

pytestmark = pytest.mark.django_db

TOKEN = "inbound-secret"


@pytest.fixture
def texting(settings, cast):
    """Grandma says yes to texts on the Rivera team and on a second family's team."""
    settings.SOC_TEXT_INBOUND_TOKEN = TOKEN
    now = f.timezone.now()
    Membership.objects.filter(pk=cast.grandma.pk).update(
        text_number="+19195550100", text_opt_in_at=now
    )
    other = f.MembershipFactory(
        user=None,
        name="Rosa",
        role="natural_support",
        text_number="+19195550100",
        text_opt_in_at=now,
        language="es",
    )
    return other


def _reply(client, body, number="(919) 555-0100", token=TOKEN, as_json=True):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if as_json:
        return client.post(
            reverse("texts_inbound"),
            json.dumps({"from": number, "body": body}),
            content_type="application/json",
            **headers,
        )
    return client.post(reverse("texts_inbound"), {"From": number, "Body": body}, **headers)


def test_stop_turns_texts_off_on_every_team_and_is_recorded(client, cast, texting):
    response = _reply(client, "  stop please")
    assert response.status_code == 200
    assert "START" in response.json()["reply"] and "ya no" in response.json()["reply"]
    for member in (cast.grandma, texting):
        member.refresh_from_db()
        assert member.text_opt_out_at is not None and not member.accepts_texts
    events = AuditEvent.objects.filter(action="member.texts_opt_out")
    assert {e.object_id for e in events} == {str(cast.grandma.pk), str(texting.pk)}
    assert {e.family_id for e in events} == {cast.family.pk, texting.team.family_id}
    assert all(e.actor is None and e.detail == {"how": "reply", "keyword": "STOP"} for e in events)


def test_a_second_stop_records_nothing_new(client, cast, texting):
    _reply(client, "STOP")
    _reply(client, "STOP")
    assert AuditEvent.objects.filter(action="member.texts_opt_out").count() == 2


def test_start_turns_texts_back_on_where_the_member_had_said_yes(client, cast, texting):
    _reply(client, "STOP")
    response = _reply(client, "START", as_json=False)  # a form post, as many providers send
    assert "STOP" in response.json()["reply"]
    cast.grandma.refresh_from_db()
    assert cast.grandma.accepts_texts
    assert AuditEvent.objects.filter(action="member.texts_opt_in").count() == 2


def test_start_from_a_number_that_never_said_yes_turns_nothing_on(client, cast, settings):
    settings.SOC_TEXT_INBOUND_TOKEN = TOKEN
    Membership.objects.filter(pk=cast.grandma.pk).update(text_number="+19195550100")
    response = _reply(client, "START")
    cast.grandma.refresh_from_db()
    assert not cast.grandma.accepts_texts
    assert not AuditEvent.objects.filter(action="member.texts_opt_in").exists()
    assert "STOP" in response.json()["reply"]  # the help text


def test_help_is_answered_and_other_replies_are_not_read(client, cast, texting):
    assert "coordinador" in _reply(client, "HELP").json()["reply"]  # in the member's Spanish
    assert "STOP" in _reply(client, "ayuda").json()["reply"]
    assert _reply(client, "see you Tuesday").json() == {"reply": ""}
    assert not AuditEvent.objects.filter(action__startswith="member.texts").exists()


def test_a_wrong_or_missing_token_is_refused(client, cast, texting):
    assert _reply(client, "STOP", token="wrong").status_code == 401
    assert _reply(client, "STOP", token=None).status_code == 401
    cast.grandma.refresh_from_db()
    assert cast.grandma.accepts_texts


def test_the_endpoint_is_off_until_a_token_is_set(client, settings):
    settings.SOC_TEXT_INBOUND_TOKEN = ""
    assert _reply(client, "STOP", token="").status_code == 404


def test_a_reply_without_a_number_is_a_clear_400(client, texting):
    response = client.post(
        reverse("texts_inbound"),
        "[1, 2]",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )
    assert response.status_code == 400 and "from" in response.json()["error"]


def test_only_post_is_accepted(client, texting):
    assert client.get(reverse("texts_inbound")).status_code == 405
