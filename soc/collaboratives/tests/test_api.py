"""Through the API: a barrier from a team to the state and back; a recommendation answered by two
agencies to completion; confidential items only with a seat; no family in any answer."""

import json
from datetime import datetime

import pytest
from django.utils import timezone

from soc import factories as f
from soc.api.testing import ApiClient
from soc.collaboratives import actions

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db


def test_a_barrier_goes_from_the_team_to_the_state_and_back(cast):
    state, family_chair, _agency = state_with_seats()
    local = body()
    local_member = f.StaffFactory()
    seat(local, "provider", local_member)
    workforce = actions.create_collaborative(
        admin(), name="Workforce", slug="workforce", kind="work_group", parent=state
    )
    raised = ApiClient(cast.member).call(
        "post", f"/families/{cast.family.pk}/barriers", {"description": "No interpreters"}
    )
    assert raised.status_code == 201
    answer = raised.json()
    assert answer["county"] == "Wake" and "family" not in json.dumps(answer).lower()
    path = f"/collaboratives/{local.slug}/barriers/{answer['id']}"
    refused = ApiClient(local_member).call("post", path + "/escalate", {"to": "workforce"})
    assert refused.status_code == 422
    sent = ApiClient(local_member).call("post", path + "/escalate", {"to": state.slug})
    assert sent.json()["status"] == "escalated"
    decided = ApiClient(family_chair).call(
        "post",
        path + "/decide",
        {"decision": "accepted", "reason": "Gap", "work_group": workforce.slug},
    )
    assert decided.status_code == 200 and decided.json()["work_group"] == "workforce"
    assert (
        ApiClient(local_member)
        .call("post", path + "/decide", {"decision": "declined", "reason": "x"})
        .status_code
        == 422
    )


def test_a_recommendation_with_two_agency_responses_to_completion(cast):
    state, chair, _agency = state_with_seats()
    one, two = f.OrganizationFactory(name="DSS"), f.OrganizationFactory(name="DPI")
    rec = actions.draft_recommendation(
        chair, state, title="One form", topic="coordination", text="T", agencies=[one, two]
    )
    assert ApiClient(cast.member).call("get", "/recommendations").json()["items"] == []  # a draft
    actions.move_recommendation(chair, rec, status="adopted")
    staff = f.StaffFactory(organization=one)
    path = f"/recommendations/{rec.pk}/responses"
    assert (
        ApiClient(staff)
        .call("post", path, {"organization": two.pk, "answer": "accept"})
        .status_code
        == 403
    )
    ApiClient(staff).call("post", path, {"organization": one.pk, "answer": "accept"})
    answered = ApiClient(chair).call(
        "post", path, {"organization": two.pk, "answer": "decline", "reasons": "No budget"}
    )
    assert answered.json()["responses"] == {"DSS": "accept", "DPI": "decline"}
    milestone = actions.add_milestone(chair, rec, title="Done")
    actions.move_recommendation(chair, rec, status="in_implementation")
    actions.complete_milestone(chair, milestone)
    actions.move_recommendation(chair, rec, status="implemented")
    (listed,) = ApiClient(staff).call("get", "/recommendations").json()["items"]
    assert listed["status"] == "implemented" and listed["progress"] == 100


def test_confidential_items_and_draft_minutes_need_a_seat(cast):
    state, chair, _agency = state_with_seats()
    meeting = actions.schedule_meeting(
        chair, state, starts_at=timezone.make_aware(datetime(2026, 3, 1, 10))
    )
    actions.suggest_item(chair, meeting, title="Open item")
    actions.suggest_item(chair, meeting, title="Case review", is_confidential=True)
    actions.draft_minutes(chair, meeting, text="Draft")
    path = f"/collaboratives/{state.slug}/meetings/{meeting.pk}"
    outside = ApiClient(cast.member).call("get", path).json()
    assert [i["title"] for i in outside["agenda"]] == ["Open item"] and outside["minutes"] is None
    inside = ApiClient(chair).call("get", path).json()
    assert [i["title"] for i in inside["agenda"]] == ["Open item", "Case review"]
    # Confidential items shown through the API are recorded, as on the meeting page.
    from soc.audit.models import AuditEvent

    shown = AuditEvent.objects.filter(action="gov_meeting.confidential")
    assert list(shown.values_list("actor", flat=True)) == [chair.pk]
    assert inside["cancelled"] is False and inside["ends_at"] > inside["starts_at"]
    detail = ApiClient(cast.member).call("get", f"/collaboratives/{state.slug}").json()
    assert detail["warnings"] == [] and len(detail["seats"]) == 5
