"""Action items from meetings: their owners are reminded by e-mail, in their language, a few
days before the due date and once more when the date has passed and the item is still open.

`remind()` runs daily (`soc action_item_reminders`). Each reminder is claimed by setting its
date with a conditional UPDATE, so running it again, or twice at once, sends nothing twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from soc.audit.log import record

from . import notifications
from .models import ActionItem

DAYS_BEFORE = 3


def _claim(action, field, today):
    return ActionItem.objects.filter(pk=action.pk, **{f"{field}__isnull": True}).update(
        **{field: today}
    )


def remind(today=None):
    """Claim today's reminders and hand them to the worker. Returns counts by kind."""
    today = today or timezone.localdate()
    counts = {"due_soon": 0, "overdue": 0}
    waiting = ActionItem.objects.filter(
        status=ActionItem.Status.OPEN, owner_user__isnull=False, due_on__isnull=False
    ).only("id", "due_on", "reminded_on", "overdue_noticed_on")
    kinds = [
        ("overdue", "overdue_noticed_on", waiting.filter(due_on__lt=today)),
        (
            "due_soon",
            "reminded_on",
            waiting.filter(due_on__gte=today, due_on__lte=today + timedelta(days=DAYS_BEFORE)),
        ),
    ]
    for kind, field, found in kinds:
        for action in found.filter(**{f"{field}__isnull": True}):
            with transaction.atomic():
                if not _claim(action, field, today):
                    continue  # another run claimed it
                overdue = kind == "overdue"
                record(None, "action_item.overdue" if overdue else "action_item.reminded", action)
                notifications.remind_action_item(action, overdue)
            counts[kind] += 1
    return counts
