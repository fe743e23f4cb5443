"""iCalendar for collaborative meetings, built with the team meetings' code (soc.teams.calendar).

Invitations say when and where, never what about: the agenda (and its confidential items) is
behind the meeting's page. Words come out in the active language: callers pick the reader's.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.teams import calendar

from . import standing
from .models import GovMeeting, SeatTerm


def meeting_uid(meeting):
    return f"gov-meeting-{meeting.pk}@soc"


def _event(meeting):
    link = settings.SITE_URL + meeting.get_absolute_url()
    return calendar.event(
        uid=meeting_uid(meeting),
        sequence=meeting.sequence,
        starts_at=meeting.starts_at,
        ends_at=meeting.finishes_at,
        summary=_("Meeting of %(body)s") % {"body": meeting.collaborative.name},
        text=_("The agenda and the minutes are on the meeting's page: %(link)s") % {"link": link},
        url=link,
        location=meeting.place,
        cancelled=meeting.is_cancelled,
    )


def invitees(meeting):
    """Seat holders on the meeting's day who have an account with an e-mail address."""
    users = [term.user for _seat, term in standing.seat_holders(meeting.collaborative, meeting.day)]
    found = {u.pk: u for u in users if u is not None and u.email and u.is_active}
    return sorted(found.values(), key=lambda u: (u.full_name, u.pk))


def organizer_of(meeting):
    """Whoever called the meeting reads the replies; without an address it is published."""
    user = meeting.called_by
    return (user.email, user.full_name) if user is not None and user.email else None


def invitation(meeting, users):
    organizer = organizer_of(meeting)
    return calendar.invitation_file(
        _event(meeting),
        organizer=organizer,
        attendees=[
            (u.email, u.full_name, "ACCEPTED" if organizer and u.email == organizer[0] else None)
            for u in users
        ],
        publisher=meeting.collaborative.name,
    )


def method(meeting):
    organizer = organizer_of(meeting)
    return calendar.method_for(meeting.is_cancelled, organizer[0] if organizer else "")


def feed_events(user, since):
    """The meetings of the bodies `user` sits on today, for their personal calendar feed."""
    bodies = SeatTerm.objects.on(timezone.localdate()).filter(user=user)
    meetings = list(
        GovMeeting.objects.filter(
            collaborative__in=bodies.values("seat__collaborative"), starts_at__gte=since
        )
        .select_related("collaborative")
        .order_by("starts_at")[:500]
    )
    return [_event(m) for m in meetings], {"gov_meetings": [m.pk for m in meetings]}
