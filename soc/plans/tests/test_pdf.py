"""The plan PDF, read back as text with pypdf: language, content, and only what the reader may see."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from soc.plans import actions

from .builders import add_plan

pytestmark = pytest.mark.django_db


def _pdf(client, user, cast, version, **params):
    client.force_login(user)
    response = client.get(reverse("plan_pdf", args=[cast.family.pk, version.pk]), params)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return [page.extract_text() for page in reader.pages]


def test_the_pdf_is_in_the_familys_language_by_default(client, cast):
    add_plan(cast)
    pages = _pdf(client, cast.facilitator, cast, cast.plan_v1)
    text = " ".join(pages)
    assert "Nuestro plan" in text and "Fortalezas" in text and "Versión 1" in text
    assert "Maria cooks with the kids" in text and "Leo sleeps at home every night" in text


def test_the_language_can_be_chosen_at_export(client, cast):
    add_plan(cast)
    text = " ".join(_pdf(client, cast.facilitator, cast, cast.plan_v1, lang="en"))
    assert "Our plan" in text and "Strengths" in text


def test_the_crisis_plan_is_on_its_own_page_with_the_crisis_lines(client, cast):
    add_plan(cast)
    pages = _pdf(client, cast.caregiver, cast, cast.plan_v1)
    crisis = next(p for p in pages if "Plan de crisis y seguridad" in p and "A quién llamar" in p)
    assert "Abuela Rosa" in crisis and "911" in crisis
    assert not any("Fortalezas" in p for p in pages if p is crisis)


def test_agreement_and_signatures_are_printed(client, cast):
    add_plan(cast)
    text = " ".join(_pdf(client, cast.facilitator, cast, cast.plan_v1, lang="en"))
    assert "Agreement" in text and "Maria Rivera" in text and "Leo Rivera" in text
    assert "Agrees" in text


def test_a_team_member_gets_no_protected_part_and_no_part2_notice(client, cast):
    add_plan(cast)
    text = " ".join(_pdf(client, cast.member, cast, cast.plan_v1, lang="en"))
    assert "recovery" not in text and "Grandma drives" not in text
    assert "42 CFR" not in text
    assert "2 parts of this plan are protected" in text


def test_the_family_gets_substance_use_parts_with_the_part2_notice(client, cast):
    add_plan(cast)
    text = " ".join(_pdf(client, cast.caregiver, cast, cast.plan_v1, lang="en"))
    assert "Dad stays in recovery" in text and "42 CFR part 2" in text


def test_goal_charts_are_in_the_pdf_with_their_numbers(client, cast):
    add_plan(cast)
    actions.rate_progress(
        cast.facilitator, cast.meeting, cast.goal_v1, {"family_rating": 3, "team_rating": 7}
    )
    text = " ".join(_pdf(client, cast.facilitator, cast, cast.plan_v1, lang="en"))
    assert "Progress over time" in text and "Goal 1" in text


def test_outsiders_get_404_for_the_pdf(client, cast):
    add_plan(cast)
    client.force_login(cast.other_org_staff)
    url = reverse("plan_pdf", args=[cast.family.pk, cast.plan_v1.pk])
    assert client.get(url).status_code == 404
