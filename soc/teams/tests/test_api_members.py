"""The family selects its team: invitations, proposals, decisions and removals through the API."""

from soc import factories as f
from soc.api.testing import field_errors
from soc.audit.models import AuditEvent
from soc.teams.models import Membership

Status = Membership.Status


def members_path(cast, *rest):
    return "/".join([f"/families/{cast.family.pk}/members", *map(str, rest)])


def test_list_members_shows_the_team_and_waiting_proposals(cast, api_as):
    response = api_as(cast.youth).get(members_path(cast))
    assert response.status_code == 200
    names = {m["name"]: m["status"] for m in response.json()["items"]}
    assert names == {
        "Fran Facilitator": "active",
        "Maria Rivera": "active",
        "Leo Rivera": "active",
        "Sam Counselor": "active",
        "Abuela Rosa": "active",
        "Pat Proposed": "proposed",
    }
    assert AuditEvent.objects.filter(action="member.list", family_id=cast.family.pk).count() == 1


def test_list_members_by_status(cast, api_as):
    response = api_as(cast.youth).get(members_path(cast), {"status": "removed"})
    assert [m["name"] for m in response.json()["items"]] == ["Rae Removed"]


def test_caregiver_invites_someone_directly(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, "invite"),
        {
            "role": "natural_support",
            "support_kind": "relative",
            "name": "Tía Carmen",
            "phone": "919-555-0111",
            "language": "es",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "active" and body["support_kind"] == "relative"
    assert body["proposed_by"] == "Maria Rivera"


def test_invitation_with_a_bad_email_is_422(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, "invite"), {"role": "provider", "name": "Dr. X", "email": "nope"}
    )
    assert list(field_errors(response)) == ["email"]


def test_natural_support_needs_a_kind_of_support(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, "invite"), {"role": "natural_support", "name": "Pastor Juan"}
    )
    assert list(field_errors(response)) == ["support_kind"]


def test_staff_cannot_invite_directly(cast, api_as):
    response = api_as(cast.facilitator).post(
        members_path(cast, "invite"), {"role": "provider", "name": "Dr. X"}
    )
    assert response.status_code == 403


def test_staff_proposes_and_the_person_waits_for_the_family(cast, api_as):
    therapist = f.StaffFactory(full_name="Teo Therapist")
    response = api_as(cast.facilitator).post(
        members_path(cast, "propose"),
        {"role": "provider", "name": "Teo T.", "email": therapist.email, "why": "Therapy"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "proposed" and body["name"] == "Teo T."
    assert body["has_account"] is True
    assert api_as(therapist).get(f"/families/{cast.family.pk}").status_code == 404


def test_proposing_someone_already_on_the_team_is_422(cast, api_as):
    response = api_as(cast.facilitator).post(
        members_path(cast, "propose"),
        {"role": "agency", "name": "Sam", "email": cast.member.email},
    )
    assert list(field_errors(response)) == ["email"]


def test_caregiver_approves_a_proposal(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, cast.proposed_membership.pk, "approve"), {"version": 1}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "active" and response.json()["version"] == 2
    assert api_as(cast.proposed).get(f"/families/{cast.family.pk}").status_code == 200


def test_approve_without_a_body(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, cast.proposed_membership.pk, "approve")
    )
    assert response.status_code == 200


def test_approve_with_a_stale_version_is_409_and_changes_nothing(cast, api_as):
    Membership.objects.filter(pk=cast.proposed_membership.pk).update(version=2)
    response = api_as(cast.caregiver).post(
        members_path(cast, cast.proposed_membership.pk, "approve"), {"version": 1}
    )
    assert response.status_code == 409 and response.json()["current_version"] == 2
    cast.proposed_membership.refresh_from_db()
    assert cast.proposed_membership.status == Status.PROPOSED


def test_only_a_caregiver_decides(cast, api_as):
    response = api_as(cast.member).post(
        members_path(cast, cast.proposed_membership.pk, "approve"), {"version": 1}
    )
    assert response.status_code == 403


def test_caregiver_declines_with_a_reason(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, cast.proposed_membership.pk, "decline"),
        {"version": 1, "reason": "No lo conocemos."},
    )
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["ended_reason"] == "No lo conocemos."


def test_deciding_twice_is_422(cast, api_as):
    client = api_as(cast.caregiver)
    client.post(members_path(cast, cast.proposed_membership.pk, "decline"))
    response = client.post(members_path(cast, cast.proposed_membership.pk, "approve"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["code"] == "not_pending"


def test_proposer_withdraws(cast, api_as):
    response = api_as(cast.facilitator).post(
        members_path(cast, cast.proposed_membership.pk, "withdraw"), {"version": 1}
    )
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"


def test_caregiver_removes_a_member(cast, api_as):
    response = api_as(cast.caregiver).post(
        members_path(cast, cast.member_membership.pk, "remove"),
        {"version": 1, "reason": "Ya no va a esa escuela."},
    )
    assert response.status_code == 200 and response.json()["status"] == "removed"
    assert api_as(cast.member).get(f"/families/{cast.family.pk}").status_code == 404


def test_agency_marks_its_own_person_required_with_a_reason(cast, api_as):
    response = api_as(cast.member).post(
        members_path(cast, cast.member_membership.pk, "required"),
        {"required": True, "reason": "The school must attend while Ana has an IEP."},
    )
    assert response.status_code == 200
    assert response.json()["required_by_agency"] is True
    response = api_as(cast.caregiver).post(members_path(cast, cast.member_membership.pk, "remove"))
    assert response.json()["detail"][0]["code"] == "required_by_agency"


def test_marking_required_needs_a_reason(cast, api_as):
    response = api_as(cast.member).post(
        members_path(cast, cast.member_membership.pk, "required"), {"required": True}
    )
    assert list(field_errors(response)) == ["reason"]


def test_member_of_another_family_is_404(cast, api_as):
    stranger = f.MembershipFactory(status=Status.PROPOSED)
    response = api_as(cast.caregiver).post(members_path(cast, stranger.pk, "approve"))
    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.status == Status.PROPOSED
