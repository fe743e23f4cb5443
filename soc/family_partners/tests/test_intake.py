"""Starting an intake from a family's request: the partner who claimed it opens the family's
record with its consent, facilitates the new team (whoever opens a family does: a team always has
a facilitator), and the request ends linked to the new family. Nobody else can use the request's id."""

import pytest
from django.urls import reverse

from soc.audit.models import AuditEvent
from soc.families.models import Family
from soc.families.tests.test_open_family import _post
from soc.teams.models import Membership

from ..models import FamilyRequest
from .builders import claimed, county, family_organization, partner, send_request, with_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def wake():
    return family_organization("Wake Family Partners", "Wake")


@pytest.fixture
def pam(wake):
    return partner(wake)


@pytest.fixture
def agreed(pam):
    """A request Pam claimed, and the family said yes to linking it."""
    return with_consent(claimed(send_request(), pam), pam)


def _intake(family_request):
    return reverse("family_request_intake", args=[family_request.pk])


def _garcias():
    return _post(county("Wake").pk)


def test_the_intake_makes_the_partner_the_facilitator_and_links_the_request(client, pam, agreed):
    client.force_login(pam)
    page = client.get(_intake(agreed)).content.decode()
    assert f"From request {agreed.pk}: the family agreed." in page
    assert "become the facilitator" in page
    response = client.post(_intake(agreed), _garcias())
    family = Family.objects.get(display_name="The García family")
    assert response.status_code == 302 and response["Location"] == family.get_absolute_url()
    member = Membership.objects.get(team=family.team, user=pam)
    assert member.role == Membership.Role.FACILITATOR and member.status == "active"
    assert member.organization == pam.organization
    assert family.team.memberships.filter(role="caregiver", status="active").count() == 1
    linked = FamilyRequest.objects.get(pk=agreed.pk)
    assert linked.family == family and linked.linked_at is not None
    assert AuditEvent.objects.filter(
        action="family_request.link", family_id=family.pk, object_id=str(agreed.pk)
    ).exists()
    # She sees the family she opened, and the page says she facilitates its team.
    team_page = client.get(family.get_absolute_url())
    assert team_page.status_code == 200
    assert "You are its facilitator" in team_page.content.decode()


def test_the_request_page_starts_the_intake_from_the_request(client, pam, agreed):
    client.force_login(pam)
    page = client.post(
        reverse("family_request_find_family", args=[agreed.pk]),
        {"display_name": "The García family", "birth_date": "2016-04-02"},
    ).content.decode()
    assert "No record found" in page
    assert f'href="{_intake(agreed)}">Start an intake</a>' in page
    assert f'href="{reverse("family_new")}">Start an intake' not in page


def test_another_partner_cannot_use_someone_elses_request(client, wake, agreed):
    elsewhere = partner(family_organization("Durham Family Partners", "Durham"), "Dora Durham")
    colleague = partner(wake, "Cam Colleague")  # sees the request, did not claim it
    for user, refused in ((elsewhere, 404), (colleague, 403)):
        client.force_login(user)
        assert client.get(_intake(agreed)).status_code == refused
        assert client.post(_intake(agreed), _garcias()).status_code == refused
    assert client.get(reverse("family_request_intake", args=[agreed.pk + 999])).status_code == 404
    assert not Family.objects.filter(display_name="The García family").exists()
    assert FamilyRequest.objects.get(pk=agreed.pk).family is None
    assert AuditEvent.objects.filter(action="access.denied", actor=elsewhere).exists()


def test_without_the_familys_consent_the_intake_sends_her_back_to_the_request(client, pam):
    sent = claimed(send_request(), pam)
    client.force_login(pam)
    for response in (client.get(_intake(sent)), client.post(_intake(sent), _garcias())):
        assert response.status_code == 302
        assert response["Location"] == reverse("family_request", args=[sent.pk])
    assert not Family.objects.exists()
    page = client.get(reverse("family_request", args=[sent.pk])).content.decode()
    assert "First record that the family agreed" in page


def test_a_linked_request_opens_no_second_family(client, pam, agreed):
    client.force_login(pam)
    client.post(_intake(agreed), _garcias())
    second = client.post(_intake(agreed), _post(county("Wake").pk, display_name="The Ruiz family"))
    assert second.status_code == 302
    assert second["Location"] == reverse("family_request", args=[agreed.pk])
    assert not Family.objects.filter(display_name="The Ruiz family").exists()


def test_a_possible_duplicate_offers_to_link_the_request_and_saves_nothing(
    client, pam, agreed, cast
):
    client.force_login(pam)
    data = _post(
        cast.family.county_id,
        display_name="The Rivera family",
        **{"people-0-first_name": "Ana", "people-0-date_of_birth": "2016-07-09"},
    )
    response = client.post(_intake(agreed), data)
    assert response.status_code == 200 and response.context["duplicates"]
    html = response.content.decode()
    assert reverse("family_request_link", args=[agreed.pk]) in html
    assert reverse("family_join", args=[cast.family.pk]) not in html
    assert FamilyRequest.objects.get(pk=agreed.pk).family is None
    assert Family.objects.filter(display_name="The Rivera family").count() == 1
    # Linking from there asks to join the family's team as its family partner.
    client.post(
        reverse("family_request_link", args=[agreed.pk]),
        {"version": agreed.version, "family": cast.family.pk},
    )
    member = Membership.objects.get(team=cast.team, user=pam)
    assert member.role == Membership.Role.FAMILY_PARTNER and member.status == "proposed"
    assert FamilyRequest.objects.get(pk=agreed.pk).family == cast.family
