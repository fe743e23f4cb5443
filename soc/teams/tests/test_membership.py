"""The family selects its team."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from soc.families.models import Family
from soc.teams import actions
from soc.teams.models import Membership

pytestmark = pytest.mark.django_db
Status = Membership.Status


def test_caregiver_invites_directly_and_member_without_account_gets_invitation_link(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        aunt = actions.invite_member(
            cast.caregiver,
            cast.team,
            {
                "name": "Tía Carmen",
                "role": "natural_support",
                "support_kind": "relative",
                "email": "carmen@example.org",
                "language": "es",
            },
        )
    assert aunt.status == Status.ACTIVE and aunt.user is None
    (message,) = mailoutbox
    assert message.to == ["carmen@example.org"] and "/invitations/" in message.body


def test_staff_cannot_add_member_without_family_approval(cast):
    with pytest.raises(PermissionDenied):
        actions.invite_member(cast.member, cast.team, {"name": "X", "role": "provider"})
    proposal = actions.propose_member(
        cast.member,
        cast.team,
        {
            "name": "Dr. Lee",
            "role": "provider",
            "email": "lee@example.org",
            "why": "Leo's therapist",
        },
    )
    assert proposal.status == Status.PROPOSED
    with pytest.raises(PermissionDenied):
        actions.approve_member(cast.member, proposal)
    actions.approve_member(cast.caregiver, proposal, proposal.version)
    proposal.refresh_from_db()
    assert proposal.status == Status.ACTIVE


def test_proposed_member_sees_nothing_until_approved(cast):
    assert not Family.objects.visible_to(cast.proposed).exists()
    actions.approve_member(cast.caregiver, cast.proposed_membership)
    assert Family.objects.visible_to(cast.proposed).get() == cast.family


def test_approving_a_withdrawn_proposal_is_refused(cast):
    actions.withdraw_proposal(cast.facilitator, cast.proposed_membership)
    with pytest.raises(ValidationError, match="no longer waiting"):
        actions.approve_member(cast.caregiver, cast.proposed_membership)
    cast.proposed_membership.refresh_from_db()
    assert cast.proposed_membership.status == Status.WITHDRAWN


def test_same_person_cannot_be_added_twice(cast):
    with pytest.raises(ValidationError) as error:
        actions.invite_member(
            cast.caregiver,
            cast.team,
            {"name": "Sam", "role": "agency", "email": cast.member.email.upper()},
        )
    assert "email" in error.value.message_dict


def test_invalid_email_is_refused_with_a_field_message(cast):
    with pytest.raises(ValidationError) as error:
        actions.invite_member(
            cast.caregiver, cast.team, {"name": "Bo", "role": "provider", "email": "not-an-email"}
        )
    assert list(error.value.message_dict) == ["email"]


def test_family_removes_a_member_but_not_one_required_by_agency(cast):
    actions.remove_member(cast.caregiver, cast.member_membership)
    cast.member_membership.refresh_from_db()
    assert cast.member_membership.status == Status.REMOVED
    assert not Family.objects.visible_to(cast.member).exists()

    actions.mark_required(
        cast.facilitator,
        cast.facilitator_membership,
        required=True,
        reason="The court ordered DSS to stay involved until June.",
    )
    with pytest.raises(ValidationError, match="court ordered"):
        actions.remove_member(cast.caregiver, cast.facilitator_membership)


def test_required_needs_a_reason_and_only_for_own_organization(cast):
    with pytest.raises(ValidationError):
        actions.mark_required(
            cast.facilitator, cast.facilitator_membership, required=True, reason=" "
        )
    with pytest.raises(PermissionDenied):
        actions.mark_required(
            cast.facilitator, cast.member_membership, required=True, reason="Because"
        )


def test_staff_member_cannot_remove_others(cast):
    with pytest.raises(PermissionDenied):
        actions.remove_member(cast.member, cast.facilitator_membership)


def test_staff_cannot_propose_someone_as_family(cast):
    with pytest.raises(ValidationError) as error:
        actions.propose_member(cast.member, cast.team, {"name": "X", "role": "caregiver"})
    assert "role" in error.value.message_dict


def test_caregiver_can_add_another_caregiver_but_not_a_youth_without_a_record(cast):
    assert actions.invite_member(
        cast.caregiver, cast.team, {"name": "Luis Rivera", "role": "caregiver"}
    )
    with pytest.raises(ValidationError):
        actions.invite_member(cast.caregiver, cast.team, {"name": "Kid", "role": "youth"})


def test_proposing_by_email_does_not_copy_the_accounts_details(cast):
    cast.other_org_staff.phone = "919-555-0199"
    cast.other_org_staff.save()
    # A name is required: nothing is filled in from the account.
    with pytest.raises(ValidationError):
        actions.propose_member(
            cast.member, cast.team, {"role": "provider", "email": cast.other_org_staff.email}
        )
    member = actions.propose_member(
        cast.member,
        cast.team,
        {
            "name": "Otto",
            "role": "provider",
            "email": cast.other_org_staff.email,
            "why": "Knows the family's school",
        },
    )
    assert (member.phone, member.organization, member.user) == ("", None, cast.other_org_staff)
