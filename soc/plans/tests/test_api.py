"""The plan API: FHIR-shaped answers, consent, conflicts, and lists at a fixed cost."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.goal import Goal as FhirGoal

from soc import factories as f
from soc.api.testing import ApiClient
from soc.plans import actions

from .builders import add_plan, agree_all, propose

pytestmark = pytest.mark.django_db


def _version_path(cast, version):
    return f"/families/{cast.family.pk}/plan/versions/{version.pk}"


def test_the_family_reads_every_part_and_the_part2_notice(cast):
    add_plan(cast)
    body = ApiClient(cast.caregiver).get(_version_path(cast, cast.plan_v1)).json()
    assert {g["description"] for g in body["goal"]} == {
        "Leo sleeps at home every night",
        "Dad stays in recovery",
    }
    assert body["notice"] and body["protected_parts_hidden"] == 0
    assert (body["status"], body["fhir_status"], body["intent"]) == ("in_effect", "active", "plan")


def test_a_team_member_reads_only_what_consent_allows(cast):
    add_plan(cast)
    body = ApiClient(cast.member).get(_version_path(cast, cast.plan_v1)).json()
    assert [g["description"] for g in body["goal"]] == ["Leo sleeps at home every night"]
    assert body["protected_parts_hidden"] == 2 and body["notice"] is None


def test_a_version_maps_one_to_one_onto_fhir_careplan_and_goal(cast):
    """The FHIR export is a view: each field lands in the same-named FHIR element."""
    add_plan(cast)
    body = ApiClient(cast.caregiver).get(_version_path(cast, cast.plan_v1)).json()
    goals = [
        FhirGoal(
            id=str(g["id"]),
            lifecycleStatus=g["lifecycle_status"],
            achievementStatus={"text": g["achievement_status"]},
            description={"text": g["description"]},
            subject={"reference": f"Group/{body['subject']['id']}"},
            target=[
                {"measure": {"text": g["target"]["measure"]}, "dueDate": g["target"]["due_date"]}
            ],
            addresses=[{"reference": f"Condition/{n}"} for n in g["addresses"]],
        )
        for g in body["goal"]
    ]
    plan = CarePlan(
        id=str(body["id"]),
        status=body["fhir_status"],
        intent=body["intent"],
        subject={
            "reference": f"Group/{body['subject']['id']}",
            "display": body["subject"]["display"],
        },
        period=body["period"],
        author={"display": body["author"]["display"]},
        contributor=[{"display": c["member"]["display"]} for c in _agreement(cast)["contributor"]],
        description=body["description"],
        goal=[{"reference": f"Goal/{g.id}"} for g in goals],
        addresses=[
            {"reference": f"Condition/{n['id']}", "display": n["description"]}
            for n in body["addresses"]
        ],
        activity=[
            {
                "detail": {
                    "status": a["status"],
                    "description": a["description"],
                    "performer": [{"display": a["performer"]["display"]}],
                    "goal": [{"reference": f"Goal/{a['goal']}"}],
                }
            }
            for a in body["activity"]
        ],
    )
    assert plan.status == "active" and len(plan.goal) == 2 and len(plan.activity) == 2


def _agreement(cast):
    return ApiClient(cast.caregiver).get(_version_path(cast, cast.plan_v1) + "/agreement").json()


def test_agreeing_through_the_api_to_a_changed_version_is_409(cast):
    add_plan(cast)
    v2 = cast.plan_v2
    client = ApiClient(cast.caregiver)
    body = {"version": v2.version + 1, "agrees": True, "typed_name": "Maria Rivera"}
    response = client.post(_version_path(cast, v2) + "/agreement", body)
    assert response.status_code == 409
    body["version"] = v2.version
    response = client.post(_version_path(cast, v2) + "/agreement", body)
    assert response.status_code == 201
    assert response.json()["contributor"][0]["agrees"] is True


def test_editing_a_version_in_effect_through_the_api_is_refused(cast):
    add_plan(cast)
    response = ApiClient(cast.facilitator).patch(
        _version_path(cast, cast.plan_v1), {"version": cast.plan_v1.version, "vision": "x"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["code"] == "in_effect"


def test_a_strategy_for_a_removed_member_is_a_422_with_the_field(cast):
    add_plan(cast)
    response = ApiClient(cast.facilitator).post(
        _version_path(cast, cast.plan_v2) + "/parts/strategy",
        {
            "goal": cast.goal_v2.pk,
            "description": "x",
            "kind": "formal",
            "responsible": cast.removed_membership.pk,
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "responsible"]


def test_a_rating_outside_0_to_10_is_a_422(cast):
    add_plan(cast)
    response = ApiClient(cast.facilitator).post(
        f"/families/{cast.family.pk}/meetings/{cast.meeting.pk}/progress",
        {"goal": cast.goal_v1.pk, "family_rating": 11},
    )
    assert response.status_code == 422


def _count(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def _more_goals(cast, version, n):
    for i in range(n):
        goal = actions.add_part(
            cast.facilitator, version, "goal", {"description": f"Goal {i}", "how_we_will_know": "x"}
        )
        actions.add_part(
            cast.facilitator,
            version,
            "strategy",
            {
                "goal": goal,
                "description": "s",
                "kind": "formal",
                "responsible": cast.member_membership,
            },
        )


def test_a_version_costs_the_same_queries_whatever_its_size(cast):
    add_plan(cast)
    client = ApiClient(cast.member)
    path = _version_path(cast, cast.plan_v2)
    small = _count(client, path)
    _more_goals(cast, cast.plan_v2, 10)
    assert _count(client, path) == small


def test_the_versions_list_costs_the_same_queries_with_2_or_12_versions(cast):
    add_plan(cast)
    client = ApiClient(cast.facilitator)
    path = f"/families/{cast.family.pk}/plan/versions"
    small = _count(client, path)
    for _ in range(10):
        agree_all(cast, actions.start_draft(cast.facilitator, cast.family))
        draft = actions.start_draft(cast.facilitator, cast.family)
        propose(cast, draft)
    assert client.get(path).json()["count"] >= 12
    assert _count(client, path) == small


def test_the_ratings_list_costs_the_same_queries_whatever_its_length(cast):
    add_plan(cast)
    client = ApiClient(cast.caregiver)
    path = f"/families/{cast.family.pk}/plan/goals/{cast.goal_v1.pk}/ratings"
    meeting = f.MeetingFactory(team=cast.team, called_by=cast.facilitator)
    actions.rate_progress(cast.facilitator, meeting, cast.goal_v1, {"family_rating": 2})
    small = _count(client, path)
    for i in range(8):
        meeting = f.MeetingFactory(
            team=cast.team,
            called_by=cast.facilitator,
            starts_at=timezone.now() - timedelta(days=30 * (i + 1)),
        )
        actions.rate_progress(cast.facilitator, meeting, cast.goal_v1, {"family_rating": i})
    assert _count(client, path) == small


def test_the_plan_page_costs_the_same_queries_whatever_its_size(client, cast):
    add_plan(cast)
    client.force_login(cast.member)
    url = reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk])
    small = _count(client, url)
    _more_goals(cast, cast.plan_v2, 10)
    assert _count(client, url) == small
