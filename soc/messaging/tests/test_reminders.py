"""`soc send_reminders`: the day before a meeting and on the day a step is due, once each,
by e-mail and/or text as each member chose, never with case details."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from soc import factories as f
from soc.messaging.models import Reminder
from soc.messaging.reminders import send_reminders
from soc.teams.models import Meeting, Membership, NextStep
from soc.texting import backends

pytestmark = pytest.mark.django_db


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@pytest.fixture
def tomorrow_meeting(cast):
    """A meeting tomorrow at 4:00 PM with notes and an agenda full of case details;
    grandma (no e-mail) gets texts, Sam gets both."""
    today = timezone.localdate()
    cast.meeting.starts_at = _at(today + timedelta(days=1), 16)
    cast.meeting.ends_at = cast.meeting.starts_at + timedelta(hours=1)
    cast.meeting.agenda = "Ana's placement and Leo's school suspension"
    cast.meeting.save()
    now = timezone.now()
    Membership.objects.filter(pk__in=[cast.grandma.pk, cast.member_membership.pk]).update(
        text_number="+19195550100", text_opt_in_at=now
    )
    return cast.meeting


def _run(capture):
    with capture(execute=True):
        return send_reminders()


def test_everyone_reachable_is_reminded_the_day_before_a_meeting(
    cast, tomorrow_meeting, django_capture_on_commit_callbacks, no_case_details
):
    claimed = _run(django_capture_on_commit_callbacks)
    active = cast.team.memberships.active()
    reachable = [m for m in active if m.email or m.accepts_texts]
    assert claimed == len(reachable)
    assert sorted(e.to[0] for e in mail.outbox) == sorted(m.email for m in active if m.email)
    assert {t.to for t in backends.outbox} == {"+19195550100"} and len(backends.outbox) == 2
    english = next(t.body for t in backends.outbox if "tomorrow" in t.body)
    assert english.startswith("You have a team meeting tomorrow at 4:00 PM. Details: http")
    spanish = next(t.body for t in backends.outbox if "Mañana" in t.body)  # Abuela Rosa
    assert spanish.startswith("Mañana a las 4:00 p. m. tiene una reunión del equipo. Detalles:")
    assert f"/families/{cast.family.pk}/meetings/{tomorrow_meeting.pk}/" in spanish
    maria = next(e for e in mail.outbox if e.to == [cast.caregiver.email])
    assert maria.subject == "Recordatorio: reunión del equipo mañana"
    no_case_details(cast.family)


def test_running_again_sends_nothing_twice(
    cast, tomorrow_meeting, django_capture_on_commit_callbacks
):
    _run(django_capture_on_commit_callbacks)
    sent = (len(mail.outbox), len(backends.outbox))
    assert _run(django_capture_on_commit_callbacks) == 0
    assert (len(mail.outbox), len(backends.outbox)) == sent
    assert Reminder.objects.filter(kind="meeting").count() == sent[0] + 1  # grandma: text only


def test_a_member_who_turned_off_email_reminders_gets_only_texts(
    cast, tomorrow_meeting, django_capture_on_commit_callbacks
):
    Membership.objects.filter(pk=cast.member_membership.pk).update(email_reminders=False)
    _run(django_capture_on_commit_callbacks)
    assert cast.member.email not in [e.to[0] for e in mail.outbox]
    assert len(backends.outbox) == 2


def test_members_who_said_stop_get_no_text(
    cast, tomorrow_meeting, django_capture_on_commit_callbacks
):
    Membership.objects.filter(pk=cast.grandma.pk).update(text_opt_out_at=timezone.now())
    _run(django_capture_on_commit_callbacks)
    assert len(backends.outbox) == 1
    assert not Reminder.objects.filter(membership=cast.grandma).exists()  # no way to reach her


def test_a_meeting_cancelled_after_the_claim_gets_no_reminder(cast, tomorrow_meeting):
    send_reminders()  # claimed; the tasks would run after the commit
    Meeting.objects.filter(pk=tomorrow_meeting.pk).update(status=Meeting.Status.CANCELLED)
    from soc.messaging.reminders import send_reminder_task

    for reminder in Reminder.objects.all():
        send_reminder_task.call(reminder.pk)
    assert mail.outbox == [] and backends.outbox == []


def test_meetings_further_off_and_proposed_members_are_not_reminded(
    cast, django_capture_on_commit_callbacks
):
    # cast.meeting is three days away; the proposed member is not on the team yet.
    assert _run(django_capture_on_commit_callbacks) == 0


def test_a_moved_meeting_is_reminded_again_for_its_new_day(
    cast, tomorrow_meeting, django_capture_on_commit_callbacks
):
    _run(django_capture_on_commit_callbacks)
    first = len(backends.outbox)
    tomorrow_meeting.starts_at += timedelta(days=1)
    tomorrow_meeting.ends_at += timedelta(days=1)
    tomorrow_meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(timezone.localdate() + timedelta(days=1))
    assert len(backends.outbox) == 2 * first


def test_the_responsible_member_is_reminded_when_a_step_falls_due(
    cast, django_capture_on_commit_callbacks, no_case_details
):
    step = f.NextStepFactory(
        team=cast.team,
        responsible=cast.grandma,
        description="Call Ana's therapist about the medication",
        due_date=timezone.localdate(),
        category="mental_health",
    )
    f.NextStepFactory(
        team=cast.team,
        responsible=cast.grandma,
        due_date=timezone.localdate(),
        status=NextStep.Status.DONE,
    )
    Membership.objects.filter(pk=cast.grandma.pk).update(
        text_number="+19195550100", text_opt_in_at=timezone.now()
    )
    assert _run(django_capture_on_commit_callbacks) == 1
    (text,) = backends.outbox
    assert text.body.startswith("Hoy vence un próximo paso que le toca a usted en su equipo.")
    assert text.body.endswith("/my-tasks/")
    assert Reminder.objects.get().next_step == step
    assert _run(django_capture_on_commit_callbacks) == 0
    assert len(backends.outbox) == 1
    no_case_details(cast.family)


def test_a_step_due_today_is_emailed_to_its_responsible_member(
    cast, django_capture_on_commit_callbacks, no_case_details
):
    f.NextStepFactory(
        team=cast.team,
        responsible=cast.member_membership,
        due_date=timezone.localdate(),
        description="Ask about Leo's suspension",
    )
    _run(django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    assert email.to == [cast.member.email]
    assert email.subject == "Reminder: a next step is due today"
    no_case_details(cast.family, texts_expected=False)


def test_the_command_reports_and_accepts_a_date(cast, tomorrow_meeting, capsys):
    call_command("send_reminders", "--date", str(timezone.localdate()))
    assert "new reminders" in capsys.readouterr().out
    assert Reminder.objects.exists()


def test_the_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "tomorrow")
