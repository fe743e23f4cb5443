"""The training as an iCalendar file, attached to the confirmation e-mail. Built with the same
time-zone rules as team meetings (soc.teams.calendar.vtimezone); words in the active language."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from soc.teams.calendar import vtimezone

PRODID = "-//System of Care platform//Trainings and events//EN"


def training_uid(training):
    return f"training-{training.pk}@soc"


def training_link(training):
    return settings.SITE_URL + training.get_absolute_url()


def invitation(training):
    """The training published for information (no replies: the registration is the reply)."""
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add_component(vtimezone(tz, training.starts_at.year))
    event = Event()
    event.add("uid", training_uid(training))
    event.add("sequence", training.version)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", training.starts_at.astimezone(tz))
    event.add("dtend", training.ends_at.astimezone(tz))
    event.add("summary", training.title)
    event.add("description", _("Details: %(link)s") % {"link": training_link(training)})
    event.add("url", training_link(training))
    where = ", ".join(x for x in [training.place, training.online_link] if x)
    if where:
        event.add("location", where)
    event.add("status", "CANCELLED" if training.is_cancelled else "CONFIRMED")
    cal.add_component(event)
    return cal.to_ical()
