"""Linking a request to the family's record needs the family's recorded consent; a partner not
on the team finds the family only through the intake's duplicate check and asks to join as its
family partner, and the caregiver decides."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.teams.models import Membership

from .. import actions
from ..models import FamilyRequest
from .builders import claimed, family_organization, partner, send_request, with_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def pam(db):
    return partner(family_organization("Wake Family Partners", "Wake"))


@pytest.fixture
def rivera(cast):
    return cast.family


def test_without_consent_there_is_no_link_and_no_search(pam, rivera):
    sent = claimed(send_request(), pam)
    with pytest.raises(ValidationError) as refused:
        actions.link_to_family(pam, sent, rivera.pk, version=sent.version)
    assert "consent" in refused.value.message_dict
    with pytest.raises(ValidationError):
        actions.find_family(pam, sent, display_name="Rivera", birth_date=date(2016, 7, 9))
    assert FamilyRequest.objects.get(pk=sent.pk).family is None
    assert not AuditEvent.objects.filter(action="family.duplicate_shown").exists()


def test_the_api_refuses_a_link_without_consent(pam, rivera):
    from soc.api.testing import ApiClient

    sent = claimed(send_request(), pam)
    response = ApiClient(pam).call(
        "post", f"/family-requests/{sent.pk}/link", {"version": sent.version, "family": rivera.pk}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "consent"]


def test_a_partner_not_on_the_team_cannot_link_a_family_they_were_not_shown(pam, rivera):
    sent = with_consent(claimed(send_request(), pam), pam)
    with pytest.raises(Http404):
        actions.link_to_family(pam, sent, rivera.pk, version=sent.version)
    assert FamilyRequest.objects.get(pk=sent.pk).family is None


def test_with_consent_the_partner_finds_the_family_and_asks_to_join_as_family_partner(
    pam, rivera, cast
):
    sent = with_consent(claimed(send_request(), pam), pam)
    assert sent.consent_method == "phone" and sent.consent_recorded_by == pam
    matches = actions.find_family(
        pam, sent, display_name="The Rivera family", birth_date=date(2016, 7, 9)
    )
    assert matches == [rivera]
    linked = actions.link_to_family(pam, sent, rivera.pk, version=sent.version)
    assert linked.family == rivera
    member = Membership.objects.get(team=cast.team, user=pam)
    assert member.role == "family_partner" and member.status == "proposed"
    # The caregiver approves through the team's own flow.
    from soc.teams.actions import approve_member

    approve_member(cast.caregiver, member, version=member.version)
    assert Membership.objects.get(pk=member.pk).status == "active"
    assert AuditEvent.objects.filter(action="family_request.link", family_id=rivera.pk).exists()


def test_a_partner_already_on_the_team_links_directly(pam, rivera, cast):
    f.MembershipFactory(team=cast.team, user=pam, role="family_partner")
    sent = with_consent(claimed(send_request(), pam), pam)
    actions.link_to_family(pam, sent, rivera.pk, version=sent.version)
    assert Membership.objects.filter(team=cast.team, user=pam).count() == 1
    assert FamilyRequest.objects.get(pk=sent.pk).family == rivera


def test_the_pages_ask_for_consent_before_offering_the_search(client, pam):
    sent = claimed(send_request(), pam)
    client.force_login(pam)
    page = client.get(reverse("family_request", args=[sent.pk])).content.decode()
    assert "The family agreed" in page and "Look for the family" not in page
    client.post(
        reverse("family_request_consent", args=[sent.pk]),
        {"version": sent.version, "given_by": "Rosa", "method": "verbal"},
    )
    page = client.get(reverse("family_request", args=[sent.pk])).content.decode()
    assert "Look for the family" in page


def test_before_consent_any_family_id_gets_the_same_answer(pam, rivera):
    """The link is no way to learn whether a family id exists."""
    sent = claimed(send_request(), pam)
    answers = []
    for family_id in (rivera.pk, 987654):
        with pytest.raises(ValidationError) as refused:
            actions.link_to_family(pam, sent, family_id, version=sent.version)
        answers.append(refused.value.message_dict)
    assert answers[0] == answers[1] and "consent" in answers[0]


def test_after_consent_an_unknown_family_and_one_not_shown_answer_alike(client, pam, rivera):
    sent = with_consent(claimed(send_request(), pam), pam)
    client.force_login(pam)
    url = reverse("family_request_link", args=[sent.pk])
    for family_id in (rivera.pk, 987654):
        response = client.post(url, {"version": sent.version, "family": family_id})
        assert response.status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", actor=pam).count() == 2
    assert FamilyRequest.objects.get(pk=sent.pk).family is None


def test_the_search_shows_only_that_a_family_exists_not_its_name(client, pam, rivera):
    sent = with_consent(claimed(send_request(), pam), pam)
    client.force_login(pam)
    page = client.post(
        reverse("family_request_find_family", args=[sent.pk]),
        {"display_name": "The Rivera family", "birth_date": "2016-07-09"},
    ).content.decode()
    assert "Possible match 1, Wake County" in page
    assert "Rivera family" not in page.replace('value="The Rivera family"', "")
    assert cast_child_name(rivera) not in page


def cast_child_name(family):
    return family.people.filter(role="child").values_list("first_name", flat=True).first() or "-"


def test_the_api_refuses_an_unknown_family_and_records_it(pam):
    from soc.api.testing import ApiClient

    sent = with_consent(claimed(send_request(), pam), pam)
    response = ApiClient(pam).call(
        "post", f"/family-requests/{sent.pk}/link", {"version": sent.version, "family": 987654}
    )
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", actor=pam).exists()
