from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from soc.teams import actions
from soc.teams.models import Meeting
from soc.versioning import StaleVersion

pytestmark = pytest.mark.django_db


def _fields(**changes):
    starts = timezone.now() + timedelta(days=2)
    fields = {
        "reason": "crisis",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1),
        "place": "Home",
    }
    return fields | changes


def test_anyone_on_the_team_can_convene_including_the_family(cast):
    for user in (cast.caregiver, cast.youth, cast.member):
        assert actions.convene_meeting(user, cast.team, _fields()).called_by == user
    with pytest.raises(PermissionDenied):
        actions.convene_meeting(cast.other_org_staff, cast.team, _fields())


def test_meeting_that_ends_before_it_starts_or_in_the_past_is_refused(cast):
    starts = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        actions.convene_meeting(
            cast.caregiver,
            cast.team,
            _fields(starts_at=starts, ends_at=starts - timedelta(minutes=5)),
        )
    assert "ends_at" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.convene_meeting(
            cast.caregiver,
            cast.team,
            _fields(starts_at=timezone.now() - timedelta(days=1), ends_at=timezone.now()),
        )
    assert "starts_at" in error.value.message_dict
    assert Meeting.objects.filter(team=cast.team).count() == 1  # only the fixture's


def test_two_edits_from_the_same_version_one_wins_the_other_conflicts(cast):
    meeting = cast.meeting
    version = meeting.version
    actions.change_meeting(cast.facilitator, meeting, version=version, changes={"place": "Room A"})
    with pytest.raises(StaleVersion):
        actions.change_meeting(
            cast.facilitator, meeting, version=version, changes={"place": "Room B"}
        )
    meeting.refresh_from_db()
    assert meeting.place == "Room A"


def test_facilitator_records_attendance_notes_and_next_steps(cast):
    meeting = cast.meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    meeting.refresh_from_db()
    actions.record_meeting(
        cast.facilitator,
        meeting,
        version=meeting.version,
        notes="Talked",
        decisions="Tutor",
        attendance={
            cast.caregiver_membership.pk: ("present", True),
            cast.member_membership.pk: ("excused", False),
        },
    )
    assert {a.membership_id: a.status for a in meeting.attendance.all()} == {
        cast.caregiver_membership.pk: "present",
        cast.member_membership.pk: "excused",
    }
    step = actions.add_next_step(
        cast.facilitator,
        cast.team,
        description="Call the tutor",
        responsible=cast.caregiver_membership,
        due_date=timezone.localdate(),
        meeting=meeting,
    )
    actions.update_next_step(cast.caregiver, step, version=step.version, changes={"status": "done"})
    step.refresh_from_db()
    assert step.status == "done" and step.completed_at is not None
    with pytest.raises(PermissionDenied):
        actions.record_meeting(
            cast.member, meeting, version=meeting.version, notes="", decisions="", attendance={}
        )


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
