"""Review reminders: sent before the review date, once per date, without case details."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from soc.plans.models import PlanVersion

from .builders import add_plan

pytestmark = pytest.mark.django_db


def _due_in(cast, days):
    PlanVersion.objects.filter(pk=cast.plan_v1.pk).update(
        review_date=timezone.localdate() + timedelta(days=days)
    )


def test_members_are_reminded_before_the_review_date_once(cast):
    add_plan(cast)
    _due_in(cast, 10)
    mail.outbox.clear()
    call_command("plan_reminders")
    sent = len(mail.outbox)
    assert sent >= 3
    call_command("plan_reminders")
    assert len(mail.outbox) == sent


def test_reminders_carry_no_case_details_and_speak_the_members_language(cast):
    add_plan(cast)
    _due_in(cast, 3)
    mail.outbox.clear()
    call_command("plan_reminders")
    for message in mail.outbox:
        text = message.subject + message.body
        assert "sleeps" not in text and "recovery" not in text and "Rivera family" not in text
    maria = next(m for m in mail.outbox if cast.caregiver.email in m.to)
    assert "revisar" in maria.subject.lower()


def test_plans_not_due_soon_are_not_reminded(cast):
    add_plan(cast)
    _due_in(cast, 40)
    mail.outbox.clear()
    call_command("plan_reminders")
    assert mail.outbox == []
