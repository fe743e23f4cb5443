"""Every operation in the OpenAPI document, for every relation to the family: the expected answer.

Outsiders (staff of the same or another organization, proposed and removed members, the
organization's administrator and the superuser) get 404 everywhere, as if the family did not
exist; anonymous callers get 401. Members of the team get what the policy gives their role.
Each cell runs against a fresh family, so one answer never depends on another.
"""

import pytest

from soc.api.testing import ApiClient

from .test_access import FAMILY_OPERATIONS, OTHER_OPERATIONS, PROVIDER_OPERATIONS, _fill, _ids

pytestmark = pytest.mark.django_db

INSIDERS = ("caregiver", "youth", "facilitator", "member")
OUTSIDERS = ("proposed", "removed", "same_org_staff", "other_org_staff", "org_admin", "superuser")

# (method, path): caregiver, youth, facilitator, approved member.
EXPECTED = {
    ("get", "/families/{family}"): (200, 200, 200, 200),
    ("get", "/families/{family}/consents"): (200, 200, 200, 200),
    # The body names the family's young child, who cannot give consent: allowed roles get 422.
    ("post", "/families/{family}/consents"): (422, 422, 422, 403),
    ("post", "/families/{family}/consents/{consent}/revoke"): (200, 403, 200, 403),
    ("patch", "/families/{family}"): (200, 403, 200, 403),
    ("get", "/families/{family}/people"): (200, 200, 200, 200),
    ("post", "/families/{family}/people"): (201, 403, 201, 403),
    ("patch", "/families/{family}/people/{person}"): (200, 403, 200, 403),
    # Asking to join is for staff just shown the family as a duplicate, never for its members.
    ("post", "/families/{family}/join"): (404, 404, 404, 404),
    ("get", "/families/{family}/members"): (200, 200, 200, 200),
    ("post", "/families/{family}/members/invite"): (201, 403, 403, 403),
    ("post", "/families/{family}/members/propose"): (403, 201, 201, 201),
    ("post", "/families/{family}/members/{proposed}/approve"): (200, 403, 403, 403),
    ("post", "/families/{family}/members/{proposed}/decline"): (200, 403, 403, 403),
    ("post", "/families/{family}/members/{proposed}/withdraw"): (403, 403, 200, 403),
    ("post", "/families/{family}/members/{member}/remove"): (200, 403, 403, 200),
    ("post", "/families/{family}/members/{member}/required"): (403, 403, 403, 200),
    ("get", "/families/{family}/meetings"): (200, 200, 200, 200),
    ("post", "/families/{family}/meetings"): (201, 201, 201, 201),
    ("get", "/families/{family}/meetings/{meeting}"): (200, 200, 200, 200),
    ("patch", "/families/{family}/meetings/{meeting}"): (403, 403, 200, 403),
    ("post", "/families/{family}/meetings/{meeting}/cancel"): (403, 403, 200, 403),
    # The meeting has not started: notes may be written, attendance not yet.
    ("put", "/families/{family}/meetings/{meeting}/record"): (403, 403, 200, 403),
    # Recording a meeting that already happened is the facilitator's, like any record.
    ("post", "/families/{family}/meetings/held"): (403, 403, 201, 403),
    # Anyone on the team answers an invitation.
    ("post", "/families/{family}/meetings/{meeting}/answer"): (200, 200, 200, 200),
    ("get", "/families/{family}/next-steps"): (200, 200, 200, 200),
    ("post", "/families/{family}/next-steps"): (403, 403, 201, 403),
    # The step is the approved member's: they and the facilitator may mark it done.
    ("patch", "/families/{family}/next-steps/{step}"): (403, 403, 200, 200),
    # The plan: version 1 in effect, version 2 proposed. Every member may edit the proposed
    # version (it goes back to draft); only the facilitator proposes (v2 is no draft: 422);
    # the family agrees (the typed name "X" is not theirs: 422); professionals acknowledge.
    ("get", "/families/{family}/plan"): (200, 200, 200, 200),
    ("patch", "/families/{family}/plan"): (200, 403, 200, 403),
    ("post", "/families/{family}/plan/drafts"): (200, 200, 200, 200),
    ("get", "/families/{family}/plan/versions"): (200, 200, 200, 200),
    ("get", "/families/{family}/plan/versions/{plan_version}"): (200, 200, 200, 200),
    ("patch", "/families/{family}/plan/versions/{plan_version}"): (200, 200, 200, 200),
    ("post", "/families/{family}/plan/versions/{plan_version}/parts/{kind}"): (201, 201, 201, 201),
    ("patch", "/families/{family}/plan/versions/{plan_version}/parts/{kind}/{plan_part}"): (
        200,
        200,
        200,
        200,
    ),
    (
        "post",
        "/families/{family}/plan/versions/{plan_version}/parts/{kind}/{plan_part}/remove",
    ): (200, 200, 200, 200),
    ("put", "/families/{family}/plan/versions/{plan_version}/crisis-plan"): (200, 200, 200, 200),
    ("post", "/families/{family}/plan/versions/{plan_version}/propose"): (403, 403, 422, 403),
    ("get", "/families/{family}/plan/versions/{plan_version}/agreement"): (200, 200, 200, 200),
    ("post", "/families/{family}/plan/versions/{plan_version}/agreement"): (422, 422, 403, 403),
    ("post", "/families/{family}/plan/versions/{plan_version}/acknowledge"): (403, 403, 200, 200),
    ("get", "/families/{family}/plan/goals/{plan_goal}/ratings"): (200, 200, 200, 200),
    ("post", "/families/{family}/meetings/{meeting}/progress"): (403, 403, 201, 403),
    # Referrals: every member refers and follows up; the family answers once it is closed
    # (this one is still waiting for the provider: 422).
    ("get", "/families/{family}/referrals"): (200, 200, 200, 200),
    ("post", "/families/{family}/referrals"): (201, 201, 201, 201),
    ("get", "/families/{family}/referrals/{referral}"): (200, 200, 200, 200),
    ("post", "/families/{family}/referrals/{referral}/transitions"): (200, 200, 200, 200),
    ("post", "/families/{family}/referrals/{referral}/answer"): (422, 422, 403, 403),
    ("post", "/families/{family}/barriers"): (201, 201, 201, 201),
}
OTHER_EXPECTED = {
    # /me, /families (list), POST /families (the body below is not valid: 422 once signed in)
    ("get", "/me"): 200,
    ("get", "/families"): 200,
    ("post", "/families"): 422,
    # Everyone has an inbox (empty unless their organization runs the service).
    ("get", "/referrals/inbox"): 200,
    # Counts, never names: for staff of an organization; families' accounts get 403.
    ("get", "/referrals/unmet-needs"): 200,
    # Everyone has a family partner inbox (empty unless their family organization serves).
    ("get", "/family-requests"): 200,
    # Governance: lists answer; literal "{...}" ids are unknown (404) or not numbers (422), and
    # an empty body is missing its fields (422). Who may do what: soc/collaboratives/tests.
    ("get", "/collaboratives"): 200,
    ("get", "/collaboratives/{slug}"): 404,
    ("post", "/collaboratives/{slug}/seats"): 422,
    ("post", "/collaboratives/{slug}/seats/{seat_id}/terms"): 422,
    ("post", "/collaboratives/{slug}/terms/{term_id}/end"): 422,
    ("get", "/collaboratives/{slug}/meetings"): 404,
    ("post", "/collaboratives/{slug}/meetings"): 422,
    ("get", "/collaboratives/{slug}/meetings/{meeting_id}"): 422,
    ("patch", "/collaboratives/{slug}/meetings/{meeting_id}"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/cancel"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/items"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/items/{item_id}/accept"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/roll"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/motions"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/motions/{motion_id}/votes"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/action-items"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/action-items/{action_id}/status"): 422,
    ("get", "/collaboratives/{slug}/meetings/{meeting_id}/minutes"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/minutes"): 422,
    ("patch", "/collaboratives/{slug}/meetings/{meeting_id}/minutes"): 422,
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/minutes/approve"): 422,
    ("post", "/collaboratives/{slug}/barriers/{barrier_id}/escalate"): 422,
    ("post", "/collaboratives/{slug}/barriers/{barrier_id}/decide"): 422,
    ("get", "/recommendations"): 200,
    ("post", "/recommendations"): 422,
    ("get", "/recommendations/{recommendation_id}"): 422,
    ("post", "/recommendations/{recommendation_id}/status"): 422,
    ("post", "/recommendations/{recommendation_id}/milestones"): 422,
    ("post", "/recommendations/{recommendation_id}/milestones/{milestone_id}/done"): 422,
    ("get", "/recommendations/{recommendation_id}/updates"): 422,
    ("post", "/recommendations/{recommendation_id}/updates"): 422,
    ("post", "/recommendations/{recommendation_id}/responses"): 422,
    # Reporting: nobody here holds a seat (404); the superuser administers collaboratives.
    ("get", "/reporting/requirements"): 404,
    ("post", "/reporting/requirements"): 422,
    ("get", "/reporting/duplication"): 404,
    ("get", "/collaboratives/{slug}/annual-reports/{year}"): 422,
    # Trainings: lists answer; a literal "{training_id}" is not a number (422).
    ("get", "/trainings/share"): 200,
    ("get", "/trainings"): 200,
    ("get", "/trainings/{training_id}"): 422,
    ("post", "/trainings/{training_id}/registrations"): 422,
    ("get", "/trainings/{training_id}/registrations"): 422,
    ("post", "/trainings/{training_id}/attendance"): 422,
}
REPORTING_ADMIN_READS = {"/reporting/requirements", "/reporting/duplication"}

CELLS = [
    (method, path, body, role)
    for method, path, body in FAMILY_OPERATIONS
    for role in (*INSIDERS, *OUTSIDERS, "anonymous")
]


def test_the_matrix_covers_every_operation():
    assert set(EXPECTED) == {(m, p) for m, p, _body in FAMILY_OPERATIONS}
    assert set(OTHER_EXPECTED) == set(OTHER_OPERATIONS)


@pytest.mark.parametrize(("method", "path", "body", "role"), CELLS)
def test_family_operation_answers_each_relation_as_the_policy_says(cast, method, path, body, role):
    ids = _ids(cast, path)
    client = ApiClient(getattr(cast, role))
    response = client.call(method, path.format(**ids), _fill(body, ids))
    if role == "anonymous":
        expected = 401
    elif role in OUTSIDERS:
        expected = 404
    else:
        expected = EXPECTED[(method, path)][INSIDERS.index(role)]
    assert response.status_code == expected, (role, response.content[:300])


@pytest.mark.parametrize(("method", "path"), OTHER_OPERATIONS)
@pytest.mark.parametrize("role", (*INSIDERS, *OUTSIDERS, "anonymous"))
def test_other_operations_answer_every_relation(cast, method, path, role):
    response = ApiClient(getattr(cast, role)).call(method, path, {} if method == "post" else None)
    if role == "anonymous":
        expected = 401
    elif (method, path) == ("post", "/families") and role in ("caregiver", "youth"):
        expected = 422  # the body is checked before the action says families open no families
    elif path == "/referrals/unmet-needs" and getattr(cast, role).organization_id is None:
        expected = 403
    elif method == "get" and path in REPORTING_ADMIN_READS and role == "superuser":
        expected = 200
    else:
        expected = OTHER_EXPECTED[(method, path)]
    assert response.status_code == expected, (role, response.content[:300])


@pytest.mark.parametrize(("method", "path", "body"), PROVIDER_OPERATIONS)
def test_only_the_receiving_provider_opens_a_referral(cast, method, path, body):
    """The provider's staff 200; every other relation (team, family, other providers) 404."""
    ids = _ids(cast, path)
    roles = (*INSIDERS, *OUTSIDERS, "other_provider", "anonymous", "provider")
    for role in roles:
        response = ApiClient(getattr(cast, role)).call(method, path.format(**ids), _fill(body, ids))
        expected = {"anonymous": 401, "provider": 200}.get(role, 404)
        assert response.status_code == expected, (role, response.content[:300])
