"""An organization-wide consent names the organization recorded on the reader's team
membership, not the organization an account has today."""

import pytest

from soc import factories as f
from soc.consent.models import Consent
from soc.consent.policy import can_read_record, forget_access
from soc.teams.models import Meeting, NextStep

pytestmark = pytest.mark.django_db


def _organization_consent(cast, organization):
    cast.consent.revoked_at = cast.consent.created_at  # the fixture's team-wide consent aside
    cast.consent.save()
    return Consent.objects.create(
        family=cast.family,
        granted_by=cast.caregiver_membership.person,
        recorded_by=cast.caregiver,
        discloser="Wake Recovery Services",
        recipient_kind="organization",
        recipient_organization=organization,
        recipient_label=organization.name,
        categories=["substance_use"],
        purpose="treatment",
        starts_on=cast.consent.starts_on,
        expires_on=cast.consent.expires_on,
        right_to_revoke_explained=True,
        signed_name="Maria Rivera",
        signed_on=cast.consent.starts_on,
        signature_method="electronic",
    )


def _protected_records(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="Recovery plan", category="substance_use", author=cast.facilitator
    )
    step = f.NextStepFactory(
        team=cast.team,
        responsible=cast.caregiver_membership,
        author=cast.facilitator,
        category="substance_use",
    )
    return Meeting.objects.get(pk=cast.meeting.pk), step


def test_moving_an_account_into_the_named_organization_opens_nothing(cast):
    recovery = f.OrganizationFactory(name="Wake Recovery Services")
    _organization_consent(cast, recovery)
    meeting, step = _protected_records(cast)
    # An account administrator moves the counselor's account into the named organization;
    # the counselor's membership on this team still records the school.
    cast.member.organization = recovery
    cast.member.save()
    forget_access(cast.member)
    assert not can_read_record(cast.member, meeting)
    assert not NextStep.objects.visible_to(cast.member).filter(pk=step.pk).exists()
    assert (
        not NextStep.objects.visible_to(cast.member, family=cast.family).filter(pk=step.pk).exists()
    )
    readable = Meeting.objects.with_readability(cast.member).get(pk=meeting.pk).readable
    assert not readable


def test_a_member_joined_for_the_named_organization_reads_under_it(cast):
    school = cast.member_membership.organization
    _organization_consent(cast, school)
    meeting, step = _protected_records(cast)
    cast.member.organization = f.OrganizationFactory(name="Somewhere else")
    cast.member.save()  # the account moved on; the membership still speaks for the school
    forget_access(cast.member)
    assert can_read_record(cast.member, meeting)
    assert NextStep.objects.visible_to(cast.member).filter(pk=step.pk).exists()
    assert Meeting.objects.with_readability(cast.member).get(pk=meeting.pk).readable
