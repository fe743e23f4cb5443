"""Meeting invitations parsed back with the icalendar library."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from soc.teams import actions

pytestmark = pytest.mark.django_db


def _ics(message):
    """The calendar part mail programs read for their buttons, and its Content-Type."""
    (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_payload(decode=True)), part["Content-Type"]


def _event(cal):
    (event,) = cal.walk("VEVENT")
    return event


def _convene(cast, **changes):
    starts = (timezone.now() + timedelta(days=5)).replace(microsecond=0)
    fields = {
        "reason": "regular_review",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1),
        "place": "Library, room 2",
        "agenda": "School plan",
    }
    fields.update(changes)
    return actions.convene_meeting(cast.caregiver, cast.team, fields)


def test_every_member_with_email_gets_a_request_with_attendees_and_time_zone(
    cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _convene(cast)
    recipients = sorted(m.to[0] for m in mail.outbox)
    expected = sorted(m.email for m in cast.team.memberships.active().exclude(email=""))
    assert recipients == expected
    cal, content_type = _ics(mail.outbox[0])
    assert "method=REQUEST" in content_type
    assert cal["METHOD"] == "REQUEST"
    event = _event(cal)
    assert str(event["UID"]) == f"meeting-{meeting.uid}@soc"
    assert event["SEQUENCE"] == 0
    attendees = sorted(str(a).removeprefix("mailto:") for a in event["ATTENDEE"])
    assert attendees == expected
    assert event["DTSTART"].dt == meeting.starts_at
    assert str(event["DTSTART"].dt.tzinfo) == "America/New_York"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["America/New_York"]
    # Invitations carry no case details: no agenda, no family name.
    assert "School plan" not in cal.to_ical().decode()
    assert "Rivera" not in str(event["SUMMARY"])


def test_each_member_gets_the_email_in_their_language(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _convene(cast)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[cast.caregiver.email].subject != by_address[cast.facilitator.email].subject
    assert "meeting" in by_address[cast.facilitator.email].subject.lower()


def test_change_keeps_uid_and_raises_sequence_then_cancel_sends_cancel(
    cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _convene(cast)
    first_uid = str(_event(_ics(mail.outbox[0])[0])["UID"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = actions.change_meeting(
            cast.facilitator,
            meeting,
            version=meeting.version,
            changes={"place": "Community center"},
        )
    event = _event(_ics(mail.outbox[0])[0])
    assert str(event["UID"]) == first_uid
    assert event["SEQUENCE"] == 1
    assert "Community center" in str(event["LOCATION"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_meeting(cast.facilitator, meeting, version=meeting.version)
    cal, content_type = _ics(mail.outbox[0])
    assert cal["METHOD"] == "CANCEL" and "method=CANCEL" in content_type
    event = _event(cal)
    assert (str(event["UID"]), event["SEQUENCE"], str(event["STATUS"])) == (
        first_uid,
        2,
        "CANCELLED",
    )


def test_member_without_email_is_not_invited(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _convene(cast)
    assert all(cast.grandma.name not in m.body for m in mail.outbox)
