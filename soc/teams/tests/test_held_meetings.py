"""Meetings that happened: recorded directly, shown as held, no longer changed or answered."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from soc.audit.models import AuditEvent
from soc.teams import actions
from soc.teams.models import Meeting

pytestmark = pytest.mark.django_db


def _yesterday(**changes):
    starts = timezone.now() - timedelta(days=1)
    return (
        {"reason": "crisis", "starts_at": starts, "ends_at": starts + timedelta(hours=1)}
        | {"place": "Home"}
        | changes
    )


def _record_held(cast, user=None, **fields):
    return actions.record_held_meeting(
        user or cast.facilitator,
        cast.team,
        _yesterday(**fields),
        notes="Talked about school",
        decisions="Tutor twice a week",
        attendance={cast.caregiver_membership.pk: ("present", True)},
    )


def test_facilitator_records_a_meeting_that_already_happened_in_one_step(cast):
    mail.outbox.clear()
    meeting = _record_held(cast)
    assert meeting.is_held and meeting.author == cast.facilitator
    assert {a.membership_id: (a.status, a.interpreter_used) for a in meeting.attendance.all()} == {
        cast.caregiver_membership.pk: ("present", True)
    }
    assert mail.outbox == []  # nobody is invited to a meeting that is over
    assert AuditEvent.objects.filter(
        action="meeting.record", object_id=str(meeting.pk), detail__held=True
    ).exists()


def test_a_meeting_still_to_come_cannot_be_recorded_as_held(cast):
    starts = timezone.now() + timedelta(hours=2)
    with pytest.raises(ValidationError) as error:
        _record_held(cast, starts_at=starts, ends_at=starts + timedelta(hours=1))
    assert "starts_at" in error.value.message_dict
    assert not Meeting.objects.filter(status=Meeting.Status.HELD).exists()


def test_only_the_facilitator_records_a_held_meeting(cast):
    for user in (cast.caregiver, cast.member, cast.other_org_staff):
        with pytest.raises(PermissionDenied):
            _record_held(cast, user=user)


def test_recording_a_scheduled_meeting_after_it_started_makes_it_held(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    cast.meeting.refresh_from_db()
    assert cast.meeting.state_label == "Over, not recorded yet"
    meeting = actions.record_meeting(
        cast.facilitator,
        cast.meeting,
        version=cast.meeting.version,
        notes="",
        decisions="",
        attendance={cast.member_membership.pk: ("present", False)},
    )
    assert meeting.is_held and meeting.state_label == "Held"


def test_notes_written_before_a_meeting_leave_it_scheduled(cast):
    meeting = actions.record_meeting(
        cast.facilitator,
        cast.meeting,
        version=cast.meeting.version,
        notes="To prepare",
        decisions="",
        attendance={},
    )
    assert meeting.status == Meeting.Status.SCHEDULED


def test_a_held_meeting_can_no_longer_be_changed_or_cancelled(cast):
    meeting = _record_held(cast)
    with pytest.raises(ValidationError):
        actions.change_meeting(
            cast.facilitator, meeting, version=meeting.version, changes={"place": "Room 9"}
        )
    with pytest.raises(ValidationError):
        actions.cancel_meeting(cast.facilitator, meeting, version=meeting.version)


def test_the_page_records_a_held_meeting_from_one_form(client, cast):
    client.force_login(cast.facilitator)
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("meeting_held_new", args=[cast.family.pk]),
        {
            "reason": "regular_review",
            "date": day.isoformat(),
            "start_time": "10:00",
            "end_time": "11:00",
            "place": "Library",
            f"attendance_{cast.caregiver_membership.pk}": "present",
            f"interpreter_{cast.caregiver_membership.pk}": "on",
            "notes": "We met",
            "decisions": "",
            "category": "general",
        },
    )
    meeting = Meeting.objects.get(status=Meeting.Status.HELD)
    assert response.status_code == 302
    assert response.url == reverse("meeting", args=[cast.family.pk, meeting.pk])
    assert timezone.localtime(meeting.starts_at).date() == day
    assert meeting.attendance.get().interpreter_used


def test_the_page_refuses_a_date_still_to_come_with_a_clear_message(client, cast):
    client.force_login(cast.facilitator)
    day = timezone.localdate() + timedelta(days=2)
    response = client.post(
        reverse("meeting_held_new", args=[cast.family.pk]),
        {
            "reason": "regular_review",
            "date": day.isoformat(),
            "start_time": "10:00",
            "end_time": "11:00",
            "place": "Library",
            "category": "general",
        },
    )
    assert response.status_code == 200
    assert "This date is still to come" in response.content.decode()
    assert not Meeting.objects.filter(status=Meeting.Status.HELD).exists()


def test_past_and_cancelled_meetings_offer_no_change_cancel_or_calendar(client, cast):
    held = _record_held(cast)
    cancelled = actions.convene_meeting(
        cast.facilitator,
        cast.team,
        {
            "starts_at": timezone.now() + timedelta(days=4),
            "ends_at": timezone.now() + timedelta(days=4, hours=1),
            "place": "Home",
        },
    )
    actions.cancel_meeting(cast.facilitator, cancelled, version=cancelled.version)
    client.force_login(cast.facilitator)
    for meeting in (held, cancelled):
        page = client.get(reverse("meeting", args=[cast.family.pk, meeting.pk])).content.decode()
        for url in ("meeting_edit", "meeting_cancel", "meeting_ics"):
            assert reverse(url, args=[cast.family.pk, meeting.pk]) not in page
    upcoming = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk]))
    assert (
        reverse("meeting_edit", args=[cast.family.pk, cast.meeting.pk]) in upcoming.content.decode()
    )
    # Going to the change page of a held meeting says why instead of showing a form.
    response = client.get(reverse("meeting_edit", args=[cast.family.pk, held.pk]))
    assert response.status_code == 302


def test_a_held_meeting_shows_as_held_on_the_team_page_meeting_page_and_spreadsheet(client, cast):
    held = _record_held(cast)
    client.force_login(cast.facilitator)
    team_page = client.get(reverse("family", args=[cast.family.pk]) + "?").content.decode()
    meeting_page = client.get(reverse("meeting", args=[cast.family.pk, held.pk])).content.decode()
    assert "soc-tag--held" in team_page and "soc-tag--held" in meeting_page
    url = reverse("family_export", args=[cast.family.pk]) + "?lang=en"
    sheet = load_workbook(io.BytesIO(client.get(url).content))["Meetings"]
    rows = {row[5]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert "Held" in rows and "Scheduled" in rows
    held_row = rows["Held"]
    assert held_row[7] == "Maria Rivera: Present (with an interpreter)"
    assert held_row[2] is not None  # the end time has its own column
