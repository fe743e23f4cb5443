"""The facilitator records an answer a family member gave in person, on paper or by phone."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.plans.models import Agreement, PlanVersion
from soc.teams.models import Membership

from .builders import add_plan, agree_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def dad(cast):
    add_plan(cast)
    return f.MembershipFactory(
        team=cast.team, user=None, role=Membership.Role.CAREGIVER, name="José Rivera"
    )


def _url(cast, name="plan_record_agreement"):
    return reverse(name, args=[cast.family.pk, cast.plan_v2.pk])


def _post(client, cast, member, **data):
    client.force_login(cast.facilitator)
    data = {"version": cast.plan_v2.version, "member": member.pk, **data}
    return client.post(_url(cast), data)


def test_the_page_offers_family_members_without_an_account(client, cast, dad):
    client.force_login(cast.facilitator)
    response = client.get(_url(cast))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'value="{dad.pk}"' in page and "José Rivera" in page
    assert f'value="{cast.caregiver_membership.pk}"' not in page  # Maria answers herself
    assert "On paper" in page or "on paper" in page
    assert AuditEvent.objects.filter(
        action="plan_record_agreement.view", actor=cast.facilitator
    ).exists()


def test_the_plan_page_links_the_recording_page_for_the_facilitator_only(client, cast, dad):
    version_url = reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk])
    client.force_login(cast.facilitator)
    assert _url(cast) in client.get(version_url).content.decode()
    client.force_login(cast.caregiver)
    assert _url(cast) not in client.get(version_url).content.decode()


def test_an_answer_on_paper_is_recorded_on_their_behalf_and_audited(client, cast, dad):
    response = _post(client, cast, dad, answer="agree", method="on_paper")
    assert response.status_code == 302
    answer = Agreement.objects.get(membership=dad)
    assert answer.agrees and answer.method == "on_paper" and answer.user == cast.facilitator
    assert answer.typed_name == "José Rivera" and answer.is_recorded_on_behalf
    event = AuditEvent.objects.get(action="plan.record_agreement")
    assert event.actor == cast.facilitator and event.detail["method"] == "on_paper"
    assert event.detail["member"] == dad.pk


def test_the_recorded_answer_shows_who_recorded_it_on_the_plan_and_in_history(client, cast, dad):
    _post(client, cast, dad, answer="agree", method="by_phone")
    said = "given by phone, recorded by Fran Facilitator on their behalf"
    page = client.get(reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk]))
    assert said in page.content.decode()
    history = client.get(reverse("plan_history", args=[cast.family.pk])).content.decode()
    assert "José Rivera" in history and said in history


def test_the_recorded_answer_shows_who_recorded_it_in_the_pdf(client, cast, dad):
    _post(client, cast, dad, answer="agree", method="in_person")
    response = client.get(reverse("plan_pdf", args=[cast.family.pk, cast.plan_v2.pk]))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "José Rivera" in text
    assert "dada en persona, registrada por Fran Facilitator en su nombre" in text  # family: es


def test_the_last_answer_recorded_puts_the_plan_in_effect(client, cast, dad):
    agree_all(cast, cast.plan_v2)
    cast.plan_v2.refresh_from_db()
    response = _post(client, cast, dad, answer="agree", method="in_person")
    assert response.status_code == 302
    assert PlanVersion.objects.get(pk=cast.plan_v2.pk).status == "in_effect"


def test_a_disagreement_needs_a_reason_in_the_users_language(client, cast, dad):
    cast.facilitator.language = "es"
    cast.facilitator.save(update_fields=["language"])
    response = _post(client, cast, dad, answer="disagree", method="by_phone", reason=" ")
    assert response.status_code == 200
    assert "Por favor, escriba lo que cambiaría." in response.content.decode()
    assert not Agreement.objects.filter(membership=dad).exists()


def test_a_disagreement_is_recorded_with_its_reason(client, cast, dad):
    response = _post(
        client, cast, dad, answer="disagree", method="by_phone", reason="More evening help"
    )
    assert response.status_code == 302
    answer = Agreement.objects.get(membership=dad)
    assert not answer.agrees and answer.reason == "More evening help"
    assert AuditEvent.objects.filter(action="plan.record_disagreement").exists()


def test_an_answer_to_a_draft_that_changed_since_the_page_opened_answers_409(client, cast, dad):
    response = _post(
        client, cast, dad, answer="agree", method="on_paper", version=cast.plan_v2.version - 1
    )
    assert response.status_code == 409
    assert "The plan changed while you were reading it" in response.content.decode()
    assert not Agreement.objects.filter(membership=dad).exists()


def test_a_member_with_an_account_cannot_be_answered_for(client, cast, dad):
    response = _post(client, cast, cast.caregiver_membership, answer="agree", method="on_paper")
    assert response.status_code == 200
    assert not Agreement.objects.filter(version=cast.plan_v2, user=cast.facilitator).exists()


def test_how_the_answer_was_given_is_required(client, cast, dad):
    response = _post(client, cast, dad, answer="agree")
    assert response.status_code == 200 and "usa-error-message" in response.content.decode()
    assert not Agreement.objects.filter(membership=dad).exists()


@pytest.mark.parametrize("who", ["caregiver", "youth", "member"])
def test_only_the_facilitator_records_answers(client, cast, dad, who):
    client.force_login(getattr(cast, who))
    data = {"version": cast.plan_v2.version, "member": dad.pk, "answer": "agree"}
    assert client.post(_url(cast), {**data, "method": "on_paper"}).status_code == 403
    assert not Agreement.objects.filter(membership=dad).exists()


def test_the_api_records_an_answer_given_by_phone(client, cast, dad):
    client.force_login(cast.facilitator)
    url = f"/api/v1/families/{cast.family.pk}/plan/versions/{cast.plan_v2.pk}/agreement"
    body = {
        "version": cast.plan_v2.version,
        "agrees": True,
        "typed_name": "Jose Rivera",
        "member": dad.pk,
        "method": "by_phone",
    }
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Agreement.objects.get(membership=dad).method == "by_phone"
