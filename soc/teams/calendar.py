"""iCalendar for meetings: e-mailed invitations, the "add to my calendar" file and each
person's subscription feed. Collaborative meetings (soc.collaboratives.calendar) and trainings
(soc.trainings.calendar) build their files here too: `event` and `invitation_file`.

Invitations say when and where, never what about: the details are behind sign-in. Words
(SUMMARY, DESCRIPTION) come out in the active language: callers pick the reader's.
An invitation asks for replies only when its ORGANIZER is a person who will read them (the
team's facilitator); otherwise it is published for information, with no reply buttons.
"""

import calendar as weekdays
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vText,
)

PRODID = "-//System of Care platform//Meetings and events//EN"
RULES_SINCE = 1970  # the VTIMEZONE rules start here, so any meeting falls after their onset


def _calendar(method):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    return cal


def meeting_uid(meeting):
    return f"meeting-{meeting.uid}@soc"


def meeting_link(meeting):
    return settings.SITE_URL + reverse("meeting", args=[meeting.family_id, meeting.pk])


def description(meeting):
    lines = [_("Sign in to see the agenda and to say if you are coming: %(link)s")]
    if meeting.interpreter_language:
        lines.append(_("An interpreter for %(language)s has been asked for."))
    values = {
        "link": meeting_link(meeting),
        "language": meeting.get_interpreter_language_display(),
    }
    return "\n".join(line % values for line in lines)


def _address(email, name):
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


def event(*, uid, sequence, starts_at, ends_at, summary, text, url, location, cancelled):
    """One VEVENT in the site's time zone: the shape shared by team and collaborative meetings
    and trainings."""
    tz = ZoneInfo(settings.TIME_ZONE)
    component = Event()
    component.add("uid", uid)
    component.add("sequence", sequence)
    component.add("dtstamp", timezone.now())
    component.add("dtstart", starts_at.astimezone(tz))
    component.add("dtend", ends_at.astimezone(tz))
    component.add("summary", summary)
    component.add("description", text)
    component.add("url", url)
    if location:
        component.add("location", location)
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return component


def _event(meeting):
    return event(
        uid=meeting_uid(meeting),
        sequence=meeting.sequence,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        summary=_("Child and Family Team meeting"),
        text=description(meeting),
        url=meeting_link(meeting),
        location=", ".join(x for x in [meeting.place, meeting.video_link] if x),
        cancelled=meeting.is_cancelled,
    )


def method_for(cancelled, organizer_email):
    """REQUEST (or CANCEL) when someone reads the replies, PUBLISH when nobody would."""
    if not organizer_email:
        return "PUBLISH"
    return "CANCEL" if cancelled else "REQUEST"


def invitation_method(meeting, organizer):
    return method_for(meeting.is_cancelled, organizer.email if organizer else "")


def invitation_file(component, *, organizer, attendees, publisher):
    """An invitation around one event. `organizer` is (email, name) or None (then it is
    published for information, from `publisher`); `attendees` are (email, name, partstat),
    partstat None for someone who has not answered yet."""
    method = method_for(component["status"] == "CANCELLED", organizer[0] if organizer else "")
    cal = _calendar(method)
    if method == "PUBLISH":
        component["organizer"] = _address(_bare_address(settings.DEFAULT_FROM_EMAIL), publisher)
    else:
        component["organizer"] = _address(*organizer)
        for email, name, partstat in attendees:
            attendee = _address(email, name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            attendee.params["partstat"] = vText(partstat or "NEEDS-ACTION")
            if partstat is None:
                attendee.params["rsvp"] = vText("TRUE")
            component.add("attendee", attendee, encode=0)
    cal.add_component(vtimezone(ZoneInfo(settings.TIME_ZONE), component.decoded("dtstart").year))
    cal.add_component(component)
    return cal.to_ical()


def invitation(meeting, attendees, *, organizer=None, answers=None):
    """One invitation, in the active language. `organizer` is the facilitator's membership
    (replies go to them); `answers` maps membership id to the member's MeetingAnswer, so a
    re-sent invitation shows what each person already said."""
    answers = answers or {}

    def partstat(member):
        if member.pk == organizer.pk:
            return "ACCEPTED"
        answer = answers.get(member.pk)
        return answer.partstat if answer is not None else None

    has_organizer = organizer is not None and organizer.email
    return invitation_file(
        _event(meeting),
        organizer=(organizer.email, organizer.name) if has_organizer else None,
        attendees=[(m.email, m.name, partstat(m)) for m in attendees] if has_organizer else [],
        publisher=_("Child and Family Team"),
    )


def _bare_address(from_email):
    return from_email.split("<")[-1].rstrip(">").strip()


def single(meeting):
    """The "add to my calendar" file: the meeting published for information."""
    return feed([meeting], None)


# Other apps add their meetings to each person's feed (collaboratives: the meetings of the
# bodies they sit on). A source is `source(user, since)` returning (events, audit detail).
FEED_SOURCES = []


def add_feed_source(source):
    if source not in FEED_SOURCES:
        FEED_SOURCES.append(source)


def feed(meetings, name, events=()):
    """Team meetings and any other events (VEVENTs from `event`) as one published calendar."""
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = _calendar("PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    components = [_event(m) for m in meetings] + list(events)
    years = [c.decoded("dtstart").year for c in components]
    cal.add_component(vtimezone(tz, min(years, default=timezone.now().year)))
    for component in components:
        cal.add_component(component)
    return cal.to_ical()


# VTIMEZONE: a zone's yearly rules (RRULE) rather than every transition since 1970, which is
# what calendar clients expect and what keeps an invitation a few hundred bytes long.


def _transitions(tz, year):
    """The instants (UTC) in `year` when the zone's offset from UTC changes."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while moment < end:
        step = moment + timedelta(days=1)
        if moment.astimezone(tz).utcoffset() != step.astimezone(tz).utcoffset():
            hour = moment
            while hour.astimezone(tz).utcoffset() == moment.astimezone(tz).utcoffset():
                hour += timedelta(minutes=15)
            found.append(hour)
        moment = step
    return found


def _byday(day):
    """The RRULE BYDAY of a date: "2SU" for the second Sunday, "-1SU" for the last one."""
    code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.weekday()]
    if day.day + 7 > weekdays.monthrange(day.year, day.month)[1]:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


def _first_onset(month, byday, clock):
    """The date in RULES_SINCE on which a rule (month, BYDAY) falls, at the local `clock`."""
    n, code = int(byday[:-2]), byday[-2:]
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(code)
    days = [
        d
        for d in range(1, weekdays.monthrange(RULES_SINCE, month)[1] + 1)
        if datetime(RULES_SINCE, month, d).weekday() == weekday
    ]
    return datetime.combine(datetime(RULES_SINCE, month, days[n - 1 if n > 0 else n]), clock)


def vtimezone(tz, year):
    """The zone's rules as they stand in `year`, repeating yearly from 1970."""
    component = Timezone()
    component.add("tzid", tz.key)
    changes = _transitions(tz, year)
    if not changes:
        standard = TimezoneStandard()
        offset = datetime(year, 1, 1, tzinfo=UTC).astimezone(tz)
        standard.add("dtstart", datetime(RULES_SINCE, 1, 1))
        standard.add("tzoffsetfrom", offset.utcoffset())
        standard.add("tzoffsetto", offset.utcoffset())
        standard.add("tzname", offset.tzname())
        component.add_component(standard)
        return component
    for change in changes:
        before = (change - timedelta(minutes=15)).astimezone(tz)
        after = change.astimezone(tz)
        kind = TimezoneDaylight if after.dst() else TimezoneStandard
        part = kind()
        local = (change + before.utcoffset()).replace(tzinfo=None)  # the wall clock that jumps
        byday = _byday(local.date())
        part.add("dtstart", _first_onset(local.month, byday, local.time()))
        part.add("rrule", {"freq": "yearly", "bymonth": local.month, "byday": byday})
        part.add("tzoffsetfrom", before.utcoffset())
        part.add("tzoffsetto", after.utcoffset())
        part.add("tzname", after.tzname())
        component.add_component(part)
    return component
