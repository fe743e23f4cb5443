"""iCalendar for meetings: invitations (REQUEST/CANCEL) and each person's subscription feed.

Invitations say when and where, never what about: the details are behind sign-in.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//System of Care platform//Child and Family Teams//EN"


def _calendar(method):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    return cal


def meeting_uid(meeting):
    return f"meeting-{meeting.uid}@soc"


def _event(meeting, attendees=()):
    tz = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(tz))
    event.add("dtend", meeting.ends_at.astimezone(tz))
    event.add("summary", _("Child and Family Team meeting"))
    link = settings.SITE_URL + reverse("meeting", args=[meeting.team.family_id, meeting.pk])
    event.add("description", _("Sign in to see the agenda: %(link)s") % {"link": link})
    event.add("url", link)
    where = ", ".join(x for x in [meeting.place, meeting.video_link] if x)
    if where:
        event.add("location", where)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{_bare_address(settings.DEFAULT_FROM_EMAIL)}")
    organizer.params["cn"] = vText(_("Child and Family Team"))
    event["organizer"] = organizer
    for member in attendees:
        attendee = vCalAddress(f"mailto:{member.email}")
        attendee.params["cn"] = vText(member.name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    return event


def _bare_address(from_email):
    return from_email.split("<")[-1].rstrip(">").strip()


def invitation(meeting, attendees):
    """A METHOD:REQUEST invitation, or METHOD:CANCEL once the meeting is cancelled."""
    cal = _calendar("CANCEL" if meeting.is_cancelled else "REQUEST")
    cal.add_component(_event(meeting, attendees))
    cal.add_missing_timezones()
    return cal.to_ical()


def feed(meetings, name):
    cal = _calendar("PUBLISH")
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(_event(meeting))
    cal.add_missing_timezones()
    return cal.to_ical()
