"""Rules found in review: each one a door that was open."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from soc.teams import actions
from soc.teams.models import Meeting

pytestmark = pytest.mark.django_db


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
    with pytest.raises(
        ValidationError
    ):  # a name is required: nothing is filled in from the account
        actions.propose_member(
            cast.member, cast.team, {"role": "provider", "email": cast.other_org_staff.email}
        )
    member = actions.propose_member(
        cast.member,
        cast.team,
        {"name": "Otto", "role": "provider", "email": cast.other_org_staff.email, "why": "Tutor"},
    )
    assert (member.phone, member.organization, member.user) == ("", None, cast.other_org_staff)


def test_a_started_meeting_can_still_get_its_place_corrected(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(minutes=10),
        ends_at=timezone.now() + timedelta(minutes=50),
    )
    cast.meeting.refresh_from_db()
    meeting = actions.change_meeting(
        cast.facilitator, cast.meeting, version=cast.meeting.version, changes={"place": "Room 3"}
    )
    assert meeting.place == "Room 3"


def test_editing_content_without_a_version_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        actions.change_meeting(
            cast.facilitator, cast.meeting, version=None, changes={"place": "Room 9"}
        )
    assert "version" in error.value.message_dict


def test_attendance_only_for_active_members(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    cast.meeting.refresh_from_db()
    with pytest.raises(ValidationError):
        actions.record_meeting(
            cast.facilitator,
            cast.meeting,
            version=cast.meeting.version,
            notes="",
            decisions="",
            attendance={cast.removed_membership.pk: ("present", False)},
        )


def test_family_members_give_consent_only_in_their_own_name(cast):
    from soc.consent import actions as consent_actions
    from soc.consent.tests.test_consent_actions import _fields

    with pytest.raises(ValidationError) as error:
        consent_actions.give_consent(cast.youth, cast.family, _fields(cast))  # signed as the mother
    assert "granted_by" in error.value.message_dict


def test_next_step_carries_a_data_category_from_the_page(client, cast):
    from django.urls import reverse

    from soc.teams.models import NextStep

    client.force_login(cast.facilitator)
    client.post(
        reverse("next_step_add", args=[cast.family.pk]),
        {
            "description": "Intake at the recovery program",
            "responsible": cast.caregiver_membership.pk,
            "due_date": "2030-01-01",
            "category": "substance_use",
        },
    )
    step = NextStep.objects.get(description="Intake at the recovery program")
    assert step.category == "substance_use"
    assert not step.is_readable_by(cast.member)
    assert not NextStep.objects.visible_to(cast.member).filter(pk=step.pk).exists()
