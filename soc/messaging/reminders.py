"""Reminders: the day before a meeting, to everyone on the team, and on the day a next step
is due, to the member responsible for it. By e-mail and/or text, as each member chose.

`send_reminders()` claims each reminder by inserting its row (unique per member, meeting or
step, and day), so running it again, or twice at once, sends nothing twice. The sending
happens in background tasks, which look again just before sending: a meeting cancelled or a
step done since the claim gets no reminder.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from soc.teams import notifications
from soc.teams.models import Meeting, Membership, NextStep
from soc.texting import wording

from .models import Reminder


def _reachable(member):
    return member.wants_email_reminders or member.accepts_texts


def _day_bounds(day):
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _claim(**fields):
    """The new reminder, or None if it was claimed before (by this run or another)."""
    try:
        with transaction.atomic():
            reminder, created = Reminder.objects.get_or_create(**fields)
    except IntegrityError:  # another run inserted it between our look and our insert
        return None
    if not created:
        return None
    transaction.on_commit(lambda: send_reminder_task.enqueue(reminder.pk))
    return reminder


def meetings_tomorrow(today):
    start, end = _day_bounds(today + timedelta(days=1))
    return Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED, starts_at__gte=start, starts_at__lt=end
    )


def send_reminders(today=None):
    """Claim today's reminders and hand them to the worker. Returns how many were new."""
    today = today or timezone.localdate()
    claimed = 0
    meetings = list(meetings_tomorrow(today))
    members = Membership.objects.active().filter(team_id__in={m.team_id for m in meetings})
    by_team = {}
    for member in members:
        by_team.setdefault(member.team_id, []).append(member)
    for meeting in meetings:
        day = timezone.localtime(meeting.starts_at).date()
        for member in filter(_reachable, by_team.get(meeting.team_id, [])):
            kind = Reminder.Kind.MEETING
            claimed += bool(_claim(kind=kind, membership=member, meeting=meeting, for_date=day))
    steps = NextStep.objects.open().filter(
        due_date=today, responsible__status=Membership.Status.ACTIVE
    )
    for step in steps.select_related("responsible"):
        if _reachable(step.responsible):
            kind = Reminder.Kind.NEXT_STEP
            claimed += bool(
                _claim(kind=kind, membership=step.responsible, next_step=step, for_date=today)
            )
    return claimed


def _still_due(reminder):
    member = reminder.membership
    if not member.is_active:
        return False
    if reminder.kind == Reminder.Kind.MEETING:
        meeting = reminder.meeting
        return (
            meeting.status == Meeting.Status.SCHEDULED
            and timezone.localtime(meeting.starts_at).date() == reminder.for_date
            and meeting.starts_at > timezone.now()
        )
    step = reminder.next_step
    return (
        step.status == NextStep.Status.OPEN
        and step.due_date == reminder.for_date
        and step.responsible_id == member.pk
    )


def _link(reminder):
    if reminder.kind == Reminder.Kind.MEETING:
        meeting = reminder.meeting
        return settings.SITE_URL + reverse("meeting", args=[meeting.family_id, meeting.pk])
    return settings.SITE_URL + reverse("my_tasks")


@task()
def send_reminder_task(reminder_id):
    """Each channel is marked as soon as it is sent, so a retry after a failed text does not
    e-mail the member a second time."""
    reminder = Reminder.objects.select_related("membership__team", "meeting", "next_step").get(
        pk=reminder_id
    )
    if not _still_due(reminder):
        return
    member, link = reminder.membership, _link(reminder)
    is_meeting = reminder.kind == Reminder.Kind.MEETING
    sent = Reminder.objects.filter(pk=reminder.pk)
    if member.wants_email_reminders and reminder.emailed_at is None:
        if is_meeting:
            context = {"link": link, "starts_at": reminder.meeting.starts_at}
            notifications.send_email(member, "meeting_reminder", context)
        else:
            notifications.send_email(member, "step_due", {"link": link})
        sent.update(emailed_at=timezone.now())
    if member.accepts_texts and reminder.texted_at is None:
        if is_meeting:
            notifications.send_text(
                member, wording.meeting_reminder, reminder.meeting.starts_at, link
            )
        else:
            notifications.send_text(member, wording.step_due, link)
        sent.update(texted_at=timezone.now())
