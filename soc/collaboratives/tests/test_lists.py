"""Every governance list is paginated and costs the same number of queries at any length:
the tracker, a body's barriers, and the API's bodies, recommendations, a body's meetings and a
recommendation's updates; and a meeting costs the same however much happened at it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.api.testing import ApiClient
from soc.collaboratives import actions, standing

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
    # A limit below the rows there are: a page that holds the whole list needs no count
    # (soc/api/schemas.py), and what is compared here is the cost of a page that does.
    few_recs, _ = _queries(lambda: api.call("get", "/recommendations?limit=1"))
    few_bodies, _ = _queries(lambda: api.call("get", "/collaboratives?limit=1"))
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


def test_a_bodys_meetings_and_a_recommendations_updates_page_at_a_fixed_cost():
    state, chair, _agency = state_with_seats()
    rec = actions.draft_recommendation(chair, state, title="R", topic="training", text="T")
    actions.move_recommendation(chair, rec, status="adopted")

    def add(n):
        for i in range(n):
            actions.schedule_meeting(chair, state, starts_at=timezone.now() + timedelta(days=i))
            actions.post_update(chair, rec, text=f"Update {i}")

    api = ApiClient(f.UserFactory())
    meetings = f"/collaboratives/{state.slug}/meetings"
    updates = f"/recommendations/{rec.pk}/updates"
    add(2)
    # limit=1: a page that is not full needs no count (soc/api/schemas.py); compare full pages.
    few = [_queries(lambda p=p: api.call("get", p + "?limit=1"))[0] for p in (meetings, updates)]
    add(30)
    many = [_queries(lambda p=p: api.call("get", p)) for p in (meetings, updates)]
    assert few == [count for count, _response in many]
    for _count, response in many:
        assert response.json()["count"] == 32 and len(response.json()["items"]) == 25
    soonest = api.call("get", meetings + "?when=upcoming&limit=2").json()["items"]
    assert soonest[0]["starts_at"] < soonest[1]["starts_at"]


def _busy_meeting(state, chair, n):
    """n items three deep (every second one confidential), n motions with votes, n actions."""
    meeting = actions.schedule_meeting(chair, state, starts_at=timezone.now())
    held = [s for s, t in standing.seat_holders(state) if t is not None]
    actions.take_roll(chair, meeting, dict.fromkeys(held, "present"))
    voters = [s for s in held if s.is_voting]
    for i in range(n):
        top = actions.suggest_item(chair, meeting, title=f"Item {i}", is_confidential=i % 2 == 1)
        middle = actions.suggest_item(chair, meeting, title=f"Under {i}", parent=top)
        deep = actions.suggest_item(chair, meeting, title=f"Deep {i}", parent=middle)
        motion = actions.make_motion(chair, meeting, text=f"M {i}", mover=voters[0], item=deep)
        actions.record_votes(chair, motion, dict.fromkeys(voters, "yes"))
        actions.add_action_item(chair, meeting, text=f"Do {i}", owner="Al")
    return meeting


@pytest.mark.parametrize("with_a_seat", [True, False])
def test_a_meeting_costs_the_same_however_much_happened_at_it(with_a_seat):
    state, chair, _agency = state_with_seats()
    api = ApiClient(chair if with_a_seat else f.UserFactory())
    small, big = _busy_meeting(state, chair, 2), _busy_meeting(state, chair, 12)
    path = f"/collaboratives/{state.slug}/meetings/"
    few, _ = _queries(lambda: api.call("get", path + str(small.pk)))
    many, page = _queries(lambda: api.call("get", path + str(big.pk)))
    assert few == many
    shown = page.json()
    assert len(shown["agenda"]) == (12 if with_a_seat else 6)
    assert len(shown["motions"]) == (12 if with_a_seat else 6)
    assert len(shown["action_items"]) == 12 and len(shown["motions"][0]["votes"]) == 4
    assert shown["agenda"][0]["children"][0]["children"][0]["title"] == "Deep 0"
