"""Every governance list is paginated and costs the same number of queries at any length:
the tracker, a body's barriers, and the API's bodies and recommendations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soc import factories as f
from soc.api.testing import ApiClient
from soc.collaboratives import actions

from .builders import admin, body, state_with_seats

pytestmark = pytest.mark.django_db


def _recommendations(state, chair, agency, n):
    for i in range(n):
        rec = actions.draft_recommendation(
            chair, state, title=f"Rec {i}", topic="training", text="T", agencies=[agency]
        )
        actions.add_milestone(chair, rec, title="First")
        actions.move_recommendation(chair, rec, status="adopted")


def _queries(call):
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code == 200
    return len(queries), response


def test_the_tracker_pages_and_costs_the_same_at_any_length(client):
    state, chair, _agency = state_with_seats()
    agency = f.OrganizationFactory()
    _recommendations(state, chair, agency, 2)
    few, _ = _queries(lambda: client.get(reverse("recommendation_tracker")))
    _recommendations(state, chair, agency, 28)
    many, page = _queries(lambda: client.get(reverse("recommendation_tracker")))
    assert few == many
    text = page.content.decode()
    assert text.count('class="soc-panel"') == 25 and "Page 1 of 2" in text
    second = client.get(reverse("recommendation_tracker") + "?page=2").content.decode()
    assert second.count('class="soc-panel"') == 5


def test_a_bodys_barriers_page_and_cost_the_same_at_any_length(client):
    local = body()
    boss = admin()
    for i in range(2):
        actions.record_barrier(boss, local, description=f"Barrier {i}")
    few, _ = _queries(lambda: client.get(reverse("barrier_list", args=[local.slug])))
    for i in range(30):
        actions.record_barrier(boss, local, description=f"More {i}")
    many, page = _queries(lambda: client.get(reverse("barrier_list", args=[local.slug])))
    assert few == many
    assert "Page 1 of 2" in page.content.decode()


def test_the_api_lists_page_with_limit_and_offset_at_a_fixed_cost():
    state, chair, _agency = state_with_seats()
    agency = f.OrganizationFactory()
    _recommendations(state, chair, agency, 2)
    for i in range(3):
        body(name=f"Body {i}", slug=f"body-{i}")
    api = ApiClient(f.UserFactory())
    few_recs, _ = _queries(lambda: api.call("get", "/recommendations"))
    few_bodies, _ = _queries(lambda: api.call("get", "/collaboratives"))
    _recommendations(state, chair, agency, 30)
    for i in range(30):
        body(name=f"More {i}", slug=f"more-{i}")
    many_recs, recs = _queries(lambda: api.call("get", "/recommendations"))
    many_bodies, bodies = _queries(lambda: api.call("get", "/collaboratives?limit=5&offset=3"))
    assert (few_recs, few_bodies) == (many_recs, many_bodies)
    # A full first page (25 bodies) costs what 4 did: nothing is read per row.
    full_page, _ = _queries(lambda: api.call("get", "/collaboratives"))
    assert full_page == few_bodies
    assert recs.json()["count"] == 32 and len(recs.json()["items"]) == 25
    assert bodies.json()["count"] == 34 and len(bodies.json()["items"]) == 5
