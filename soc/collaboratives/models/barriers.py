"""Systemic barriers carried from a family's team to its county's body and on to the state.

A barrier keeps the county and the words only. The raising team is kept so it can be told the
outcome on its own page; it is never shown, exported or sent on any governance door.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .body import Collaborative


class Barrier(models.Model):
    class Status(models.TextChoices):
        RAISED = "raised", _("Raised by a team")
        RECORDED = "recorded", _("Recorded by the local body")
        ESCALATED = "escalated", _("Sent to the State Collaborative")
        ACCEPTED = "accepted", _("Accepted by the State Collaborative")
        MERGED = "merged", _("Merged with another barrier")
        DECLINED = "declined", _("Declined by the State Collaborative")

    DECISIONS = (Status.ACCEPTED, Status.MERGED, Status.DECLINED)

    body = models.ForeignKey(
        Collaborative,
        verbose_name=_("local body"),
        on_delete=models.PROTECT,
        related_name="barriers",
    )
    county = models.ForeignKey(
        "accounts.County",
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.TextField(_("the barrier, in plain words"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECORDED)
    raised_by_team = models.ForeignKey(
        "teams.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    escalated_to = models.ForeignKey(
        Collaborative, null=True, blank=True, on_delete=models.PROTECT, related_name="escalations"
    )
    reason = models.TextField(_("reason"), blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    work_group = models.ForeignKey(
        Collaborative,
        verbose_name=_("work group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_barriers",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")

    def __str__(self):
        return self.description[:80]

    def get_absolute_url(self):
        return reverse("barrier", args=[self.body.slug, self.pk])

    @property
    def is_decided(self):
        return self.status in self.DECISIONS


class BarrierStep(models.Model):
    """Every step a barrier takes, so each level sees the whole way."""

    barrier = models.ForeignKey(Barrier, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(max_length=12, choices=Barrier.Status.choices)
    note = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.barrier_id}: {self.status}"
