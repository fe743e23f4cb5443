"""The training as an iCalendar file, attached to the confirmation e-mail: one event built and
wrapped by the meetings' iCalendar code (soc.teams.calendar); words in the active language."""

from django.conf import settings
from django.utils.translation import gettext as _

from soc.teams import calendar


def training_uid(training):
    return f"training-{training.pk}@soc"


def training_link(training):
    return settings.SITE_URL + training.get_absolute_url()


def invitation(training):
    """The training published for information (no replies: the registration is the reply)."""
    link = training_link(training)
    event = calendar.event(
        uid=training_uid(training),
        sequence=training.version,
        starts_at=training.starts_at,
        ends_at=training.ends_at,
        summary=training.title,
        text=_("Details: %(link)s") % {"link": link},
        url=link,
        location=", ".join(x for x in [training.place, training.online_link] if x),
        cancelled=training.is_cancelled,
    )
    return calendar.invitation_file(
        event, organizer=None, attendees=[], publisher=training.host.name
    )
