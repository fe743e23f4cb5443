"""The agree page: what to change is asked only of who does not agree."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from soc.plans.models import Agreement

from .builders import add_plan

pytestmark = pytest.mark.django_db


def _agree_url(cast):
    return reverse("plan_agree", args=[cast.family.pk, cast.plan_v2.pk])


def test_the_reason_box_is_marked_to_show_only_when_disagreeing(client, cast):
    add_plan(cast)
    client.force_login(cast.caregiver)
    page = client.get(_agree_url(cast)).content.decode()
    assert 'data-shown-when="answer=disagree"' in page
    assert "¿Qué cambiaría usted?" in page and "necesario si usted todavía no está" in page
    assert "/static/soc/shown-when.js" in page and finders.find("soc/shown-when.js")


def test_disagreeing_without_a_reason_is_refused_in_the_users_language(client, cast):
    add_plan(cast)
    client.force_login(cast.caregiver)
    data = {"version": cast.plan_v2.version, "answer": "disagree", "typed_name": "Maria Rivera"}
    response = client.post(_agree_url(cast), {**data, "reason": "  "})
    assert response.status_code == 200
    assert "Por favor, diga al equipo con qué no está de acuerdo." in response.content.decode()
    assert not Agreement.objects.filter(version=cast.plan_v2).exists()


def test_disagreeing_with_a_reason_is_saved(client, cast):
    add_plan(cast)
    client.force_login(cast.caregiver)
    data = {"version": cast.plan_v2.version, "answer": "disagree", "typed_name": "Maria Rivera"}
    assert client.post(_agree_url(cast), {**data, "reason": "Más ayuda"}).status_code == 302
    assert Agreement.objects.get(version=cast.plan_v2).reason == "Más ayuda"


def test_a_reason_left_in_the_box_when_agreeing_is_not_kept(client, cast):
    add_plan(cast)
    client.force_login(cast.caregiver)
    data = {"version": cast.plan_v2.version, "answer": "agree", "typed_name": "Maria Rivera"}
    assert (
        client.post(_agree_url(cast), {**data, "reason": "typed, then agreed"}).status_code == 302
    )
    answer = Agreement.objects.get(version=cast.plan_v2)
    assert answer.agrees and answer.reason == ""
