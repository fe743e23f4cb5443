"""Action items: the owner is reminded in their language before the due date and once when
overdue; running the job again sends nothing twice; done items and owners without an account
get nothing."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.collaboratives import actions
from soc.collaboratives.action_reminders import remind

from .builders import state_with_seats

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 6)


@pytest.fixture
def meeting():
    state, family_chair, agency_chair = state_with_seats()
    family_chair.language = "es"
    family_chair.save(update_fields=["language"])
    when = timezone.make_aware(datetime(2026, 3, 10, 18, 0))
    return actions.schedule_meeting(agency_chair, state, starts_at=when), family_chair, agency_chair


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def go(today):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return remind(today)

    return go


def _item(meeting, owner, due_on, **fields):
    meeting, _family, chair = meeting
    return actions.add_action_item(
        chair,
        meeting,
        text="Ask the schools for numbers",
        owner=owner.full_name,
        owner_user=owner,
        due_on=due_on,
        **fields,
    )


def test_the_owner_is_reminded_in_their_language_before_the_due_date(meeting, run):
    owner = meeting[1]
    _item(meeting, owner, TODAY + timedelta(days=3))
    assert run(TODAY - timedelta(days=1)) == {"due_soon": 0, "overdue": 0}
    assert run(TODAY) == {"due_soon": 1, "overdue": 0}
    [message] = mail.outbox
    assert message.to == [owner.email]
    assert message.subject == "Recordatorio: pronto vence una tarea de una reunión"
    assert "Ask the schools for numbers" in message.body
    assert run(TODAY + timedelta(days=1)) == {"due_soon": 0, "overdue": 0}
    assert mail.outbox == []


def test_an_overdue_item_is_noticed_once_and_audited(meeting, run):
    owner = meeting[2]
    item = _item(meeting, owner, TODAY - timedelta(days=1))
    assert run(TODAY) == {"due_soon": 0, "overdue": 1}
    [message] = mail.outbox
    assert message.subject == "A task from a meeting is overdue"
    assert run(TODAY) == {"due_soon": 0, "overdue": 0}
    assert (
        AuditEvent.objects.filter(action="action_item.overdue", object_id=str(item.pk)).count() == 1
    )


def test_done_items_get_no_reminder(meeting, run):
    item = _item(meeting, meeting[1], TODAY)
    actions.update_action_item(meeting[2], item, status="done")
    assert run(TODAY) == {"due_soon": 0, "overdue": 0}


def test_the_owner_must_hold_a_seat(meeting):
    with pytest.raises(ValidationError):
        _item(meeting, f.UserFactory(), TODAY)


def test_the_command_reports_what_it_claimed(meeting, capsys):
    _item(meeting, meeting[1], timezone.localdate() - timedelta(days=2))
    call_command("action_item_reminders")
    assert "overdue: 1" in capsys.readouterr().out
