"""Invitations parsed with icalendar, one per recipient: the words in the recipient's
language, the ORGANIZER who reads replies, each member's answer, and a VTIMEZONE of rules."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from soc.teams import actions
from soc.teams.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run an action and send its e-mails, as its commit would: `sent(action, *args)`."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def _convene(sent, cast, **changes):
    starts = timezone.now() + timedelta(days=5)
    fields = {"starts_at": starts, "ends_at": starts + timedelta(hours=1), "place": "Home"}
    return sent(actions.convene_meeting, cast.caregiver, cast.team, fields | changes)


def _calendar_part(message):
    """The text/calendar alternative of the e-mail, as Outlook and Gmail read it."""
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message.message().walk()]
    return parts[0]


def _invitation_for(email):
    [message] = [m for m in mail.outbox if m.to == [email]]
    part = _calendar_part(message)
    cal = Calendar.from_ical(part.get_payload(decode=True))
    return message, part, cal, cal.walk("VEVENT")[0]


def test_each_recipient_gets_the_invitation_in_their_own_language(sent, cast):
    _convene(sent, cast)
    _message, _part, _cal, maria = _invitation_for(cast.caregiver.email)
    _message, _part, _cal, sam = _invitation_for(cast.member.email)
    assert str(maria["summary"]) == "Reunión del Equipo de Niños y Familia"
    assert "Entre para ver" in str(maria["description"])
    assert str(sam["summary"]) == "Child and Family Team meeting"
    assert "Sign in to see the agenda" in str(sam["description"])


def test_the_invitation_is_a_real_calendar_request_whose_replies_reach_the_facilitator(sent, cast):
    _convene(sent, cast)
    message, part, cal, event = _invitation_for(cast.caregiver.email)
    assert part.get_param("method") == "REQUEST" and "; method=REQUEST" in part["Content-Type"]
    assert str(cal["method"]) == "REQUEST"
    assert str(event["organizer"]) == f"mailto:{cast.facilitator.email}"
    assert event["organizer"].params["CN"] == cast.facilitator.full_name
    attendees = {str(a): a.params for a in event.get("attendee")}
    assert attendees[f"mailto:{cast.caregiver.email}"]["RSVP"] == "TRUE"
    assert attendees[f"mailto:{cast.facilitator.email}"]["PARTSTAT"] == "ACCEPTED"
    # The same file is attached too, for mail programs that only read attachments.
    assert [a.filename for a in message.attachments] == ["invite.ics"]


def test_a_changed_meeting_reinvites_with_each_members_answer(sent, cast):
    meeting = _convene(sent, cast)
    actions.answer_meeting(cast.member, meeting, answer="not_coming")
    actions.answer_meeting(cast.youth, meeting, answer="maybe")
    sent(
        actions.change_meeting,
        cast.facilitator,
        meeting,
        version=meeting.version,
        changes={"place": "Library"},
    )
    _message, _part, _cal, event = _invitation_for(cast.caregiver.email)
    partstat = {str(a): a.params["PARTSTAT"] for a in event.get("attendee")}
    assert partstat[f"mailto:{cast.member.email}"] == "DECLINED"
    assert partstat[f"mailto:{cast.youth.email}"] == "TENTATIVE"
    assert partstat[f"mailto:{cast.caregiver.email}"] == "NEEDS-ACTION"
    assert int(event["sequence"]) == 1 and str(event["location"]) == "Library"


def test_without_a_facilitator_to_read_replies_no_reply_is_requested(sent, cast):
    Membership.objects.filter(pk=cast.facilitator_membership.pk).update(email="")
    _convene(sent, cast)
    _message, part, cal, event = _invitation_for(cast.caregiver.email)
    assert part.get_param("method") == "PUBLISH" and str(cal["method"]) == "PUBLISH"
    assert event.get("attendee") is None


def test_the_timezone_carries_rules_not_decades_of_dates(sent, cast):
    _convene(sent, cast)
    _message, part, cal, _event = _invitation_for(cast.caregiver.email)
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "America/New_York"
    rules = {c.name: c["rrule"] for c in zone.subcomponents}
    assert rules["DAYLIGHT"]["BYMONTH"] == [3] and rules["DAYLIGHT"]["BYDAY"] == ["2SU"]
    assert rules["STANDARD"]["BYMONTH"] == [11] and rules["STANDARD"]["BYDAY"] == ["1SU"]
    assert not any("RDATE" in c for c in zone.subcomponents)
    assert len(part.get_payload(decode=True)) < 3000


def test_the_interpreter_request_is_in_the_invitation(sent, cast):
    _convene(sent, cast, interpreter_language="es")
    message, _part, _cal, event = _invitation_for(cast.caregiver.email)
    assert "Se pidió un intérprete (idioma: Español)." in str(event["description"])
    assert "Se pidió un intérprete (idioma: Español)." in message.body
    message, _part, _cal, event = _invitation_for(cast.member.email)
    assert "An interpreter for Spanish has been asked for." in str(event["description"])


def test_a_cancellation_is_sent_as_cancel_to_everyone(sent, cast):
    meeting = _convene(sent, cast)
    sent(actions.cancel_meeting, cast.facilitator, meeting, version=meeting.version)
    _message, part, cal, event = _invitation_for(cast.caregiver.email)
    assert part.get_param("method") == "CANCEL" and str(event["status"]) == "CANCELLED"
