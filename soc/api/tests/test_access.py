"""Only the family and its active team learn that a family exists: everyone else gets 404.

Every family-scoped operation is listed here once; a test fails when the API gains an
operation that is not in this table, so no new door opens without an access test.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from soc.api.testing import API, ApiClient
from soc.api.urls import api
from soc.audit.models import AuditEvent
from soc.plans.tests.builders import add_plan
from soc.referrals.tests.builders import SHARED, add_referral
from soc.teams.models import Membership

SOON = (timezone.now() + timedelta(days=30)).isoformat()
LATER = (timezone.now() + timedelta(days=30, hours=1)).isoformat()
AGO = (timezone.now() - timedelta(days=1)).isoformat()
NOW = (timezone.now() - timedelta(days=1, hours=-1)).isoformat()
IN_A_WEEK = (timezone.localdate() + timedelta(days=7)).isoformat()

# (method, path, valid body): ids in braces come from the cast fixture.
FAMILY_OPERATIONS = [
    ("get", "/families/{family}", None),
    ("get", "/families/{family}/consents", None),
    (
        "post",
        "/families/{family}/consents",
        {
            "granted_by": "{person}",
            "discloser": "X",
            "recipient_kind": "team",
            "categories": ["education"],
            "purpose": "treatment",
            "expires_on": IN_A_WEEK,
            "signed_name": "X",
            "signature_method": "in_person",
        },
    ),
    ("post", "/families/{family}/consents/{consent}/revoke", None),
    ("patch", "/families/{family}", {"version": 1, "display_name": "X"}),
    ("get", "/families/{family}/people", None),
    ("post", "/families/{family}/people", {"role": "caregiver", "first_name": "X"}),
    ("patch", "/families/{family}/people/{person}", {"version": 1, "school": "X"}),
    ("post", "/families/{family}/join", None),
    ("get", "/families/{family}/members", None),
    ("post", "/families/{family}/members/invite", {"role": "provider", "name": "X", "why": "Y"}),
    ("post", "/families/{family}/members/propose", {"role": "provider", "name": "X", "why": "Y"}),
    ("post", "/families/{family}/members/{proposed}/approve", {"version": 1}),
    ("post", "/families/{family}/members/{proposed}/decline", {"version": 1, "reason": "x"}),
    ("post", "/families/{family}/members/{proposed}/withdraw", {"version": 1}),
    ("post", "/families/{family}/members/{member}/remove", {"version": 1, "reason": "x"}),
    ("post", "/families/{family}/members/{member}/required", {"required": True, "reason": "x"}),
    ("get", "/families/{family}/meetings", None),
    ("post", "/families/{family}/meetings", {"starts_at": SOON, "ends_at": LATER}),
    ("get", "/families/{family}/meetings/{meeting}", None),
    ("patch", "/families/{family}/meetings/{meeting}", {"version": 1, "place": "X"}),
    ("post", "/families/{family}/meetings/{meeting}/cancel", {"reason": "x"}),
    ("put", "/families/{family}/meetings/{meeting}/record", {"version": 1, "notes": "x"}),
    ("post", "/families/{family}/meetings/held", {"starts_at": AGO, "ends_at": NOW}),
    ("post", "/families/{family}/meetings/{meeting}/answer", {"answer": "coming"}),
    ("get", "/families/{family}/next-steps", None),
    (
        "post",
        "/families/{family}/next-steps",
        {"description": "x", "responsible": "{member}", "due_date": IN_A_WEEK},
    ),
    ("patch", "/families/{family}/next-steps/{step}", {"version": 1, "status": "done"}),
    # The plan: version 1 in effect, version 2 proposed (soc/plans/tests/builders.py).
    ("get", "/families/{family}/plan", None),
    ("patch", "/families/{family}/plan", {"version": 1, "youth_agreement_age": 15}),
    ("post", "/families/{family}/plan/drafts", None),
    ("get", "/families/{family}/plan/versions", None),
    ("get", "/families/{family}/plan/versions/{plan_version}", None),
    ("patch", "/families/{family}/plan/versions/{plan_version}", {"version": 1, "vision": "X"}),
    (
        "post",
        "/families/{family}/plan/versions/{plan_version}/parts/{kind}",
        {"description": "X", "how_we_will_know": "Y"},
    ),
    (
        "patch",
        "/families/{family}/plan/versions/{plan_version}/parts/{kind}/{plan_part}",
        {"revision": 1, "description": "X"},
    ),
    (
        "post",
        "/families/{family}/plan/versions/{plan_version}/parts/{kind}/{plan_part}/remove",
        {"revision": 1},
    ),
    ("put", "/families/{family}/plan/versions/{plan_version}/crisis-plan", {"what_helps": "X"}),
    ("post", "/families/{family}/plan/versions/{plan_version}/propose", {"version": 1}),
    ("get", "/families/{family}/plan/versions/{plan_version}/agreement", None),
    (
        "post",
        "/families/{family}/plan/versions/{plan_version}/agreement",
        {"version": 1, "agrees": True, "typed_name": "X"},
    ),
    ("post", "/families/{family}/plan/versions/{plan_version}/acknowledge", {"version": 1}),
    ("get", "/families/{family}/plan/goals/{plan_goal}/ratings", None),
    (
        "post",
        "/families/{family}/meetings/{meeting}/progress",
        {"goal": "{plan_goal}", "family_rating": 5},
    ),
    # Referrals: one sent to a parenting class (soc/referrals/tests/builders.py).
    ("get", "/families/{family}/referrals", None),
    (
        "post",
        "/families/{family}/referrals",
        {"service": "{service}", "need": "X", "shared": SHARED},
    ),
    ("get", "/families/{family}/referrals/{referral}", None),
    (
        "post",
        "/families/{family}/referrals/{referral}/transitions",
        {"to": "cancelled", "version": 2, "reason": "declined"},
    ),
    ("post", "/families/{family}/referrals/{referral}/answer", {"answer": "yes"}),
    # A barrier for the county's collaborative (soc/collaboratives): the answer has no family.
    ("post", "/families/{family}/barriers", {"description": "No Spanish-speaking therapist"}),
]
OTHER_OPERATIONS = [
    ("get", "/me"),
    ("get", "/families"),
    ("post", "/families"),
    ("get", "/referrals/inbox"),
    ("get", "/referrals/unmet-needs"),
    # Family partners' inbox: empty unless your family organization serves the county.
    ("get", "/family-requests"),
    # Governance (soc/collaboratives): no family; access by seat, tested in collaboratives/tests.
    # Writes: soc/collaboratives/tests/test_api_writes.py tries each one as every kind of caller.
    ("get", "/collaboratives"),
    ("get", "/collaboratives/{slug}"),
    ("post", "/collaboratives/{slug}/seats"),
    ("post", "/collaboratives/{slug}/seats/{seat_id}/terms"),
    ("post", "/collaboratives/{slug}/terms/{term_id}/end"),
    ("get", "/collaboratives/{slug}/meetings"),
    ("post", "/collaboratives/{slug}/meetings"),
    ("get", "/collaboratives/{slug}/meetings/{meeting_id}"),
    ("patch", "/collaboratives/{slug}/meetings/{meeting_id}"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/cancel"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/items"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/items/{item_id}/accept"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/roll"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/motions"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/motions/{motion_id}/votes"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/action-items"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/action-items/{action_id}/status"),
    ("get", "/collaboratives/{slug}/meetings/{meeting_id}/minutes"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/minutes"),
    ("patch", "/collaboratives/{slug}/meetings/{meeting_id}/minutes"),
    ("post", "/collaboratives/{slug}/meetings/{meeting_id}/minutes/approve"),
    ("post", "/collaboratives/{slug}/barriers/{barrier_id}/escalate"),
    ("post", "/collaboratives/{slug}/barriers/{barrier_id}/decide"),
    ("get", "/recommendations"),
    ("post", "/recommendations"),
    ("get", "/recommendations/{recommendation_id}"),
    ("post", "/recommendations/{recommendation_id}/status"),
    ("post", "/recommendations/{recommendation_id}/milestones"),
    ("post", "/recommendations/{recommendation_id}/milestones/{milestone_id}/done"),
    ("get", "/recommendations/{recommendation_id}/updates"),
    ("post", "/recommendations/{recommendation_id}/updates"),
    ("post", "/recommendations/{recommendation_id}/responses"),
    # Reporting (soc/reporting): counts only; seat holders and admins, 404 for everyone else.
    ("get", "/reporting/requirements"),
    ("post", "/reporting/requirements"),
    ("get", "/reporting/duplication"),
    ("get", "/collaboratives/{slug}/annual-reports/{year}"),
    # Trainings (soc.trainings): no family; registrants for organizers only (trainings/tests).
    ("get", "/trainings/share"),
    ("get", "/trainings"),
    ("get", "/trainings/{training_id}"),
    ("post", "/trainings/{training_id}/registrations"),
    ("get", "/trainings/{training_id}/registrations"),
    ("post", "/trainings/{training_id}/attendance"),
]
# The provider's doors: a referral found through `received_by`, never through the family.
PROVIDER_OPERATIONS = [
    ("get", "/referrals/inbox/{referral}", None),
    ("post", "/referrals/inbox/{referral}/transitions", {"to": "accepted", "version": 2}),
]

# A family's request for help (soc/family_partners): found through the partner's organization,
# never through a family; soc/family_partners/tests/test_access.py walks each door.
FAMILY_PARTNER_OPERATIONS = [
    ("get", "/family-requests/{request}", None),
    ("post", "/family-requests/{request}/claim", {"version": 1}),
    ("post", "/family-requests/{request}/contacts", {"method": "phone", "result": "reached"}),
    (
        "post",
        "/family-requests/{request}/consent",
        {"version": 1, "given_by": "R", "method": "phone"},
    ),
    ("post", "/family-requests/{request}/link", {"version": 1, "family": 1}),
    ("post", "/family-requests/{request}/close", {"version": 1, "outcome": "helped"}),
]

# Staff at every distance from the family, proposed-but-not-approved, removed, and the
# administrators: none of them is on the team, so none of them may learn it exists.
OUTSIDERS = [
    "same_org_staff",
    "other_org_staff",
    "org_admin",
    "superuser",
    "proposed",
    "removed",
    "emergency_doctor",  # may use emergency access, but has not opened this family with it
]


def _ids(cast, path=""):
    """The ids a path needs; the plan is built only for the plan's operations (it costs)."""
    plan = {}
    if "barriers" in path or not path:  # the county's collaborative a barrier goes to
        from soc.collaboratives.models import Collaborative

        body = Collaborative.objects.create(
            name="Wake CC", slug="wake-cc", level="local", kind="community"
        )
        body.counties.add(cast.family.county)
    if "plan" in path or "progress" in path:
        add_plan(cast)
        plan = {
            "plan_version": cast.plan_v2.pk,
            "plan_part": cast.goal_v2.pk,
            "plan_goal": cast.goal_v1.pk,
            "kind": "goal",
        }
    if "referral" in path:
        add_referral(cast)
        plan.update(service=str(cast.service.pk), referral=cast.referral.pk)
    return {
        **plan,
        "family": cast.family.pk,
        "person": cast.child.pk,
        "proposed": cast.proposed_membership.pk,
        "member": cast.member_membership.pk,
        "meeting": cast.meeting.pk,
        "step": cast.next_step.pk,
        "consent": cast.consent.pk,
    }


def _fill(value, ids):
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


def _snapshot(cast):
    return (
        AuditEvent.objects.exclude(action="access.denied").count(),
        list(Membership.objects.order_by("pk").values_list("status", "version")),
        type(cast.family).objects.get(pk=cast.family.pk).version,
    )


@pytest.mark.parametrize(("method", "path", "body"), FAMILY_OPERATIONS)
def test_outsiders_get_404_and_nothing_happens(cast, method, path, body):
    ids = _ids(cast, path)
    url, data = path.format(**ids), _fill(body, ids)
    missing = path.format(**{**ids, "family": 999999})
    before = _snapshot(cast)
    for relation in OUTSIDERS:
        client = ApiClient(getattr(cast, relation))
        response = client.call(method, url, data)
        assert response.status_code == 404, (relation, response.content)
        # Word for word what a family that does not exist answers.
        assert response.content == client.call(method, missing, data).content
    assert _snapshot(cast) == before
    denied = AuditEvent.objects.filter(action="access.denied", object_id=str(cast.family.pk))
    assert denied.count() == len(OUTSIDERS) and not denied.filter(family_id__isnull=False).exists()


@pytest.mark.parametrize(("method", "path", "body"), FAMILY_OPERATIONS)
def test_anonymous_gets_401(cast, anonymous_api, method, path, body):
    ids = _ids(cast, path)
    response = anonymous_api.call(method, path.format(**ids), _fill(body, ids))
    assert response.status_code == 401


def _shape(path):
    return re.sub(r"\{[^}]+\}", "{}", path)


def test_every_operation_is_in_the_access_table():
    documented = {
        (method, _shape(path.removeprefix(API)))
        for path, operations in api.get_openapi_schema()["paths"].items()
        for method in operations
    }
    listed = {
        (m, _shape(p))
        for m, p, _body in FAMILY_OPERATIONS + PROVIDER_OPERATIONS + FAMILY_PARTNER_OPERATIONS
    }
    listed |= {(m, _shape(p)) for m, p in OTHER_OPERATIONS}
    assert documented == listed
