"""Invitations to a collaborative's meetings, parsed with icalendar: one per seat holder with
an account, in their language; an update with the next SEQUENCE; a CANCEL; and the meetings
in each seat holder's own calendar feed, never the agenda."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from soc import factories as f
from soc.collaboratives import actions
from soc.versioning import StaleVersion

from .builders import admin, seat, state_with_seats

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def state():
    state, family_chair, agency_chair = state_with_seats()
    family_chair.language = "es"
    family_chair.save(update_fields=["language"])
    return state, family_chair, agency_chair


def _schedule(sent, state, chair, **fields):
    starts = timezone.now() + timedelta(days=7)
    return sent(actions.schedule_meeting, chair, state, starts_at=starts, place="Raleigh", **fields)


def _invitation_for(email):
    [message] = [m for m in mail.outbox if m.to == [email]]
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    cal = Calendar.from_ical(parts[0].get_payload(decode=True))
    return message, cal, cal.walk("VEVENT")[0]


def test_each_seat_holder_with_an_account_is_invited_in_their_language(sent, state):
    body, family_chair, agency_chair = state
    meeting = _schedule(sent, body, agency_chair)
    # Seats held by name only (no account) get nothing; the two co-chairs do.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([family_chair.email, agency_chair.email])
    message, cal, event = _invitation_for(family_chair.email)
    assert message.subject == "Invitación: reunión de State Collaborative"
    assert "Hola, Fe Familia:" in message.body
    assert str(event["SUMMARY"]) == "Reunión de State Collaborative"
    assert str(cal["METHOD"]) == "REQUEST"
    assert event["SEQUENCE"] == 0
    assert str(event["UID"]) == f"gov-meeting-{meeting.pk}@soc"
    assert str(event["ORGANIZER"]) == f"mailto:{agency_chair.email}"
    attendees = sorted(str(a) for a in event.get("ATTENDEE"))
    assert attendees == sorted(f"mailto:{u.email}" for u in (family_chair, agency_chair))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=2)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "America/New_York"
    english, _cal, english_event = _invitation_for(agency_chair.email)
    assert str(english_event["SUMMARY"]) == "Meeting of State Collaborative"
    assert "Hello" in english.body


def test_a_new_time_sends_an_update_with_the_next_sequence(sent, state):
    body, family_chair, agency_chair = state
    meeting = _schedule(sent, body, agency_chair)
    later = (meeting.starts_at + timedelta(hours=1)).replace(microsecond=0)
    meeting = sent(
        actions.change_meeting,
        agency_chair,
        meeting,
        version=meeting.version,
        starts_at=later,
        ends_at=None,
        place="Durham",
    )
    message, cal, event = _invitation_for(family_chair.email)
    assert str(cal["METHOD"]) == "REQUEST"
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == later
    assert str(event["LOCATION"]) == "Durham"
    assert "nueva hora o lugar" in message.body


def test_nothing_changed_sends_nothing_and_a_stale_change_is_refused(sent, state):
    body, _family_chair, agency_chair = state
    meeting = _schedule(sent, body, agency_chair)
    same = {"starts_at": meeting.starts_at, "ends_at": None, "place": meeting.place}
    sent(actions.change_meeting, agency_chair, meeting, version=meeting.version, **same)
    assert mail.outbox == []
    with pytest.raises(StaleVersion):
        actions.change_meeting(
            agency_chair, meeting, version=meeting.version + 5, **{**same, "place": "X"}
        )


def test_cancelling_sends_a_cancel_and_a_cancelled_meeting_cannot_change(sent, state):
    body, family_chair, agency_chair = state
    meeting = _schedule(sent, body, agency_chair)
    meeting = sent(actions.cancel_meeting, agency_chair, meeting, version=meeting.version)
    message, cal, event = _invitation_for(family_chair.email)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert message.subject.startswith("Cancelada")
    with pytest.raises(ValidationError):
        actions.cancel_meeting(agency_chair, meeting, version=meeting.version)


def test_ends_before_it_starts_is_refused(state):
    body, _family_chair, agency_chair = state
    starts = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        actions.schedule_meeting(agency_chair, body, starts_at=starts, ends_at=starts)
    assert "ends_at" in error.value.message_dict


def test_the_calendar_feed_holds_my_bodies_meetings_and_never_the_agenda(client, sent, state):
    body, family_chair, agency_chair = state
    meeting = _schedule(sent, body, agency_chair)
    actions.suggest_item(
        agency_chair, meeting, title="Case review: the Rivera children", is_confidential=True
    )
    url = reverse("calendar_feed", args=[family_chair.new_calendar_feed()])
    text = client.get(url).content.decode()
    cal = Calendar.from_ical(text)
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [f"gov-meeting-{meeting.pk}@soc"]
    assert "Rivera" not in text and "Case review" not in text
    # Someone without a seat (on another body) does not see it.
    other = f.StaffFactory()
    seat(
        actions.create_collaborative(admin(), name="Other", slug="other", kind="jcpc"),
        "agency",
        other,
    )
    outsider = Calendar.from_ical(
        client.get(reverse("calendar_feed", args=[other.new_calendar_feed()])).content
    )
    assert outsider.walk("VEVENT") == []


def test_only_an_officer_changes_or_cancels_a_meeting_from_its_page(client, sent, state):
    body, family_chair, agency_chair = state
    meeting = _schedule(sent, body, agency_chair)
    member = f.UserFactory()
    seat(body, "family", member)
    urls = [
        reverse(n, args=[body.slug, meeting.pk]) for n in ("gov_meeting_edit", "gov_meeting_cancel")
    ]
    client.force_login(member)
    assert [client.get(u).status_code for u in urls] == [403, 403]
    assert client.post(urls[1], {"version": meeting.version}).status_code == 403
    client.force_login(family_chair)
    page = client.get(urls[0], HTTP_ACCEPT_LANGUAGE="es")
    assert "Cambiar la hora o el lugar" in page.content.decode()
    with_emails = sent(client.post, urls[1], {"version": meeting.version})
    assert with_emails.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    assert len(mail.outbox) == 3  # both co-chairs and the new member
    stale = client.post(urls[0], {"version": 1, "starts_at": "2027-01-05T10:00"})
    assert stale.status_code == 409
