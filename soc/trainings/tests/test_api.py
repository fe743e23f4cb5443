"""The trainings API: the same actions as the pages, registrants for organizers only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from soc import factories as f
from soc.api.testing import ApiClient
from soc.trainings import actions
from soc.trainings.models import CoFacilitator, Training

from .builders import hosted_body, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(db):
    body, chair, member = hosted_body()
    t = training(body)
    CoFacilitator.objects.create(training=t, name="Rosa Jiménez", lived_experience="family")
    return body, chair, member, t


def test_the_list_and_detail_say_who_leads_and_whether_there_is_room(setting):
    *_rest, t = setting
    client = ApiClient(f.UserFactory())
    (row,) = client.get("/trainings").json()["items"]
    assert row["id"] == t.pk and row["facilitators"] == [
        {"name": "Rosa Jiménez", "lived_experience": "family"}
    ]
    detail = client.get(f"/trainings/{t.pk}").json()
    assert detail["has_room"] is True and "registrations" not in detail
    assert client.get("/trainings", {"language": "vi"}).json() == {"items": [], "count": 0}
    assert client.get("/trainings", {"audience": "families"}).json()["items"][0]["id"] == t.pk


def _costs(client, path):
    """(queries, answer) of one GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def test_the_list_costs_the_same_queries_with_2_or_12_trainings(setting):
    body, *_rest = setting
    client = ApiClient(f.UserFactory())
    training(body, title="Second")
    few, first = _costs(client, "/trainings")
    for n in range(10):
        t = training(body, title=f"More {n}")
        CoFacilitator.objects.create(training=t, name="Lead", lived_experience="youth")
    many, second = _costs(client, "/trainings")
    assert many == few
    assert second["count"] == first["count"] + 10 == len(second["items"]) == 12


def test_the_list_is_paginated_not_cut_off(setting):
    body, *_rest = setting
    for n in range(4):
        training(body, title=f"More {n}", days=8 + n)
    client = ApiClient(f.UserFactory())
    page = client.get("/trainings", {"limit": 2, "offset": 2, "audience": "families"}).json()
    assert page["count"] == 5 and [t["title"] for t in page["items"]] == ["More 1", "More 2"]
    assert client.get("/trainings", {"limit": 101}).status_code == 422


def test_the_registrants_cost_the_same_queries_with_2_or_12(setting):
    _body, chair, _member, t = setting
    client = ApiClient(chair)
    url = f"/trainings/{t.pk}/registrations"

    def add(n, start):
        for i in range(start, start + n):
            actions.register(None, t, name=f"Person {i}", email=f"p{i}@example.org")

    add(2, 0)
    few, first = _costs(client, url)
    add(10, 2)  # past the 10 places: the waitlist is listed too
    many, second = _costs(client, url)
    assert many == few
    assert second["count"] == first["count"] + 10 == len(second["items"]) == 12
    page = client.get(url, {"limit": 5, "offset": 10}).json()
    assert [r["name"] for r in page["items"]] == ["Person 10", "Person 11"]
    assert [r["status"] for r in page["items"]] == ["waitlisted", "waitlisted"]


def test_a_signed_in_person_registers_once_then_is_told_so(setting):
    *_rest, t = setting
    client = ApiClient(f.UserFactory())
    first = client.post(f"/trainings/{t.pk}/registrations", {"needs_interpreter": True})
    assert first.status_code == 201 and first.json()["status"] == "registered"
    again = client.post(f"/trainings/{t.pk}/registrations", {})
    assert again.status_code == 422


def test_members_only_trainings_are_404_to_others(setting):
    body, _chair, member, _t = setting
    private = training(body, is_public=False)
    assert ApiClient(f.UserFactory()).get(f"/trainings/{private.pk}").status_code == 404
    outsider = ApiClient(f.UserFactory()).post(f"/trainings/{private.pk}/registrations", {})
    assert outsider.status_code == 404
    assert ApiClient(member).get(f"/trainings/{private.pk}").status_code == 200


def test_registrants_are_for_organizers_only(setting):
    _body, chair, member, t = setting
    actions.register(None, t, name="Ana Secret", email="ana@example.org")
    url = f"/trainings/{t.pk}/registrations"
    for outsider in (member, f.StaffFactory(), f.UserFactory(is_superuser=True)):
        assert ApiClient(outsider).get(url).status_code == 404
        attendance = ApiClient(outsider).post(f"/trainings/{t.pk}/attendance", {"attended": []})
        assert attendance.status_code == 404
    (row,) = ApiClient(chair).get(url).json()["items"]
    assert row["name"] == "Ana Secret" and row["email"] == "ana@example.org"


def test_organizers_record_attendance_through_the_api(setting):
    _body, chair, _member, t = setting
    came = actions.register(None, t, name="Ana", email="ana@example.org")
    actions.register(None, t, name="Bea", email="bea@example.org")
    client = ApiClient(chair)
    early = client.post(f"/trainings/{t.pk}/attendance", {"attended": [came.pk]})
    assert early.status_code == 422  # not started yet
    Training.objects.filter(pk=t.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    response = client.post(f"/trainings/{t.pk}/attendance", {"attended": [came.pk]})
    assert response.status_code == 200
    assert {r["name"]: r["attended"] for r in response.json()} == {"Ana": True, "Bea": False}
    unknown = client.post(f"/trainings/{t.pk}/attendance", {"attended": [999999]})
    assert unknown.status_code == 422


def test_the_share_rolls_up_for_the_state(setting):
    body, *_rest = setting
    training(body, title="Without a family lead")
    answer = ApiClient(f.UserFactory()).get("/trainings/share").json()
    assert answer["state"]["trainings"] == 2 and answer["state"]["percent"] == 50
    assert answer["hosts"][0]["offered_by"] == body.name
