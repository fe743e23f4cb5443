"""Recommendations through the API: only those who manage the State Collaborative's
recommendations change them; a draft is not found by anyone outside the body; a step the
tracker does not allow is refused with its reason; nothing is half-saved."""

import pytest

from soc import factories as f
from soc.api.testing import ApiClient, field_errors
from soc.audit.models import AuditEvent
from soc.collaboratives import actions
from soc.collaboratives.models import Milestone, Recommendation, RecommendationUpdate

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db
FORBIDDEN = {"detail": "You are not allowed to do this."}
NEW = {"title": "One form", "topic": "funding", "text": "Share one release form."}


@pytest.fixture
def state():
    return state_with_seats()


def test_only_the_states_officers_and_admins_draft_recommendations(state):
    body_, chair, _agency = state
    local_chair = f.StaffFactory()
    seat(body(), "agency", local_chair, office="chair")
    for who in (f.StaffFactory(), local_chair):
        assert ApiClient(who).post("/recommendations", NEW).json() == FORBIDDEN
    assert not Recommendation.objects.exists()
    local = body(name="Durham", slug="durham")
    barrier = actions.record_barrier(admin(), local, description="No beds")  # not sent on
    unsent = ApiClient(chair).post("/recommendations", {**NEW, "barriers": [barrier.pk]})
    assert list(field_errors(unsent)) == ["barriers[0]"]
    agencies = {**NEW, "agencies": [f.OrganizationFactory().pk, 999999]}
    assert list(field_errors(ApiClient(chair).post("/recommendations", agencies))) == [
        "agencies[1]"
    ]
    assert field_errors(ApiClient(chair).post("/recommendations", {**NEW, "topic": "x"}))
    assert not Recommendation.objects.exists()
    made = ApiClient(admin()).post("/recommendations", NEW)
    assert made.status_code == 201 and made.json()["status"] == "draft"


def test_a_draft_is_not_found_outside_the_body_and_changes_need_an_office(state):
    body_, chair, _agency = state
    rec = actions.draft_recommendation(chair, body_, **NEW)
    path = f"/recommendations/{rec.pk}"
    outsider = ApiClient(f.StaffFactory())
    for method, suffix, data in [
        ("get", "", None),
        ("post", "/status", {"status": "adopted"}),
        ("post", "/milestones", {"title": "M"}),
        ("get", "/updates", None),
    ]:
        response = outsider.call(method, path + suffix, data)
        assert response.json() == {"detail": "Not found."}, suffix
    assert AuditEvent.objects.filter(action="access.denied", object_id=str(rec.pk)).count() == 4
    # A member with no office sees the draft but may not change it.
    member_user = f.UserFactory()
    seat(body_, "youth", member_user)
    member = ApiClient(member_user)
    assert member.get(path).json()["status"] == "draft"
    assert member.post(path + "/status", {"status": "adopted"}).json() == FORBIDDEN
    assert member.post(path + "/updates", {"text": "Mine"}).json() == FORBIDDEN
    officer = ApiClient(chair)
    skipped = officer.post(path + "/status", {"status": "implemented"})
    assert skipped.status_code == 422
    (problem,) = skipped.json()["detail"]
    assert problem["code"] == "transition"
    assert problem["msg"] == "A recommendation that is Draft cannot become Implemented."
    assert Recommendation.objects.get().status == "draft"
    officer.post(path + "/status", {"status": "adopted"})
    milestone = officer.post(path + "/milestones", {"title": "First"}).json()
    # Adopted: public now, still only the officers change it.
    assert outsider.get(path).json()["milestones"] == [milestone]
    done = f"{path}/milestones/{milestone['id']}/done"
    assert outsider.post(done).json() == FORBIDDEN
    assert outsider.post(path + "/milestones", {"title": "Mine"}).json() == FORBIDDEN
    assert not Milestone.objects.get().done and Milestone.objects.count() == 1
    assert officer.post(path + "/status", {"status": "withdrawn"}).json()["status"] == "withdrawn"
    assert officer.post(path + "/status", {"status": "adopted"}).status_code == 422
    other = actions.draft_recommendation(chair, body_, **{**NEW, "title": "Other"})
    m2 = actions.add_milestone(chair, other, title="Theirs")
    assert officer.post(f"{path}/milestones/{m2.pk}/done").status_code == 404
    assert not RecommendationUpdate.objects.exists()


def test_a_status_change_sent_with_a_stale_version_is_a_conflict(state):
    body_, chair, agency_chair = state
    rec = actions.draft_recommendation(chair, body_, **NEW)
    path = f"/recommendations/{rec.pk}"
    assert ApiClient(chair).get(path).json()["version"] == 1
    adopted = ApiClient(agency_chair).post(path + "/status", {"status": "adopted", "version": 1})
    assert adopted.json()["status"] == "adopted" and adopted.json()["version"] == 2
    stale = ApiClient(chair).post(path + "/status", {"status": "withdrawn", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_version" and stale.json()["current_version"] == 2
    assert Recommendation.objects.get().status == "adopted"
    # A new review date changes the recommendation itself; a milestone is a row of its own.
    ApiClient(chair).post(path + "/updates", {"text": "Started", "review_on": "2027-03-01"})
    ApiClient(chair).post(path + "/milestones", {"title": "First"})
    listed = ApiClient(f.StaffFactory()).get("/recommendations").json()["items"]
    assert [(r["status"], r["version"]) for r in listed] == [("adopted", 3)]
