"""Answers to meeting invitations: one per member and meeting."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeetingAnswer(models.Model):
    """A member's answer to a meeting invitation: coming, not coming or maybe, with a note."""

    class Answer(models.TextChoices):
        COMING = "coming", _("Coming")
        NOT_COMING = "not_coming", _("Not coming")
        MAYBE = "maybe", _("Maybe")

    meeting = models.ForeignKey("teams.Meeting", on_delete=models.CASCADE, related_name="answers")
    membership = models.ForeignKey(
        "teams.Membership", on_delete=models.CASCADE, related_name="meeting_answers"
    )
    answer = models.CharField(_("answer"), max_length=12, choices=Answer.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="one_answer_per_member_and_meeting"
            )
        ]
        ordering = ["meeting_id", "membership__name"]
        verbose_name = _("answer to a meeting invitation")
        verbose_name_plural = _("answers to meeting invitations")

    def __str__(self):
        return f"{self.membership_id}: {self.answer}"

    @property
    def partstat(self):
        """The iCalendar participation status this answer stands for."""
        return {"coming": "ACCEPTED", "not_coming": "DECLINED", "maybe": "TENTATIVE"}[self.answer]
