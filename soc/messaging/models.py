"""What reminders went out, so running `soc send_reminders` again sends nothing twice."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.teams.models import Meeting, Membership, NextStep


class Reminder(models.Model):
    """One reminder to one member: for a meeting (the day before) or a next step (the day it
    is due). Claimed by inserting the row; the unique constraints make a second run a no-op.
    `for_date` is the meeting's or the step's day, so a meeting moved to another day, or a step
    given a new date, is reminded again."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting tomorrow")
        NEXT_STEP = "next_step", _("Next step due")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    next_step = models.ForeignKey(
        NextStep, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    for_date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    texted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "meeting", "for_date"],
                condition=models.Q(kind="meeting"),
                name="one_meeting_reminder_per_member_and_day",
            ),
            models.UniqueConstraint(
                fields=["membership", "next_step", "for_date"],
                condition=models.Q(kind="next_step"),
                name="one_step_reminder_per_member_and_day",
            ),
            models.CheckConstraint(
                condition=(models.Q(kind="meeting") & models.Q(meeting__isnull=False))
                | (models.Q(kind="next_step") & models.Q(next_step__isnull=False)),
                name="reminder_names_what_it_is_about",
            ),
        ]

    def __str__(self):
        return f"Reminder {self.pk} ({self.kind})"
