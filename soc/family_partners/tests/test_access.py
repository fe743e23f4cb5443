"""Only staff of the family organizations a request was routed to learn it exists: everyone else
gets 404 through every door, word for word as for a request that does not exist."""

import pytest
from django.urls import reverse

from soc import factories as f
from soc.api.testing import ApiClient
from soc.audit.models import AuditEvent

from ..models import FamilyRequest
from .builders import family_organization, partner, send_request

pytestmark = pytest.mark.django_db

PAGES = [
    ("get", "family_request", {}),
    ("post", "family_request_claim", {"version": 1}),
    ("post", "family_request_contact", {"method": "phone", "result": "reached"}),
    ("post", "family_request_close", {"version": 1, "outcome": "helped"}),
    ("post", "family_request_consent", {"version": 1, "given_by": "Rosa", "method": "phone"}),
    ("post", "family_request_find_family", {"display_name": "X", "birth_date": "2016-01-01"}),
    ("post", "family_request_link", {"version": 1, "family": 1}),
    ("get", "family_request_intake", {}),
    ("post", "family_request_intake", {"display_name": "The Rivera family"}),
]
API_CALLS = [
    ("get", "/family-requests/{id}", None),
    ("post", "/family-requests/{id}/claim", {"version": 1}),
    ("post", "/family-requests/{id}/contacts", {"method": "phone", "result": "reached"}),
    ("post", "/family-requests/{id}/consent", {"version": 1, "given_by": "R", "method": "phone"}),
    ("post", "/family-requests/{id}/link", {"version": 1, "family": 1}),
    ("post", "/family-requests/{id}/close", {"version": 1, "outcome": "helped"}),
]


@pytest.fixture
def world(db):
    wake = family_organization("Wake Family Partners", "Wake")
    durham = family_organization("Durham Family Partners", "Durham")
    team = f.TeamFactory()
    facilitator = f.StaffFactory(full_name="Fran Facilitator")
    f.MembershipFactory(team=team, user=facilitator, role="facilitator")
    return {
        "request": send_request("Wake"),
        "partner": partner(wake),
        "outsiders": {
            "other_family_organization": partner(durham, "Dora Durham"),
            "agency_staff": facilitator,
            "family_account": f.UserFactory(full_name="A Parent"),
            "superuser": f.UserFactory(is_superuser=True, is_staff=True),
        },
    }


@pytest.mark.parametrize(("method", "name", "data"), PAGES)
def test_outsiders_get_404_on_every_page_and_nothing_changes(client, world, method, name, data):
    sent = world["request"]
    for who, user in world["outsiders"].items():
        client.force_login(user)
        url = reverse(name, args=[sent.pk])
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, who
        missing = getattr(client, method)(reverse(name, args=[sent.pk + 999]), data)
        assert missing.status_code == 404
    stored = FamilyRequest.objects.get(pk=sent.pk)
    assert stored.version == 1 and stored.status == "new"
    assert not AuditEvent.objects.filter(action="family_request.view").exists()


@pytest.mark.parametrize(("method", "path", "body"), API_CALLS)
def test_outsiders_get_404_through_the_api(world, method, path, body):
    sent = world["request"]
    for who, user in world["outsiders"].items():
        client = ApiClient(user)
        response = client.call(method, path.format(id=sent.pk), body)
        assert response.status_code == 404, who
        assert response.content == client.call(method, path.format(id=sent.pk + 999), body).content
    assert FamilyRequest.objects.get(pk=sent.pk).version == 1


def test_outsiders_inboxes_are_empty(client, world):
    for user in world["outsiders"].values():
        client.force_login(user)
        assert "Request " not in client.get(reverse("family_request_inbox")).content.decode()
        assert ApiClient(user).call("get", "/family-requests").json()["count"] == 0


def test_signing_in_is_needed(client, world):
    response = client.get(reverse("family_request", args=[world["request"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login")) and "next=" in response["Location"]


def test_the_partner_sees_it_and_the_read_is_audited(client, world):
    client.force_login(world["partner"])
    sent = world["request"]
    response = client.get(reverse("family_request", args=[sent.pk]))
    assert response.status_code == 200 and "Rosa" in response.content.decode()
    event = AuditEvent.objects.get(action="family_request.view")
    assert event.actor == world["partner"] and event.object_id == str(sent.pk)
    ApiClient(world["partner"]).call("get", f"/family-requests/{sent.pk}")
    assert AuditEvent.objects.filter(action="family_request.api_view").count() == 1
