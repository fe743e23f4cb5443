"""The State Collaborative's recommendations: advice, and how each agency answers and acts on it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .barriers import Barrier
from .body import Collaborative


class Recommendation(models.Model):
    class Topic(models.TextChoices):
        COORDINATION = "coordination", _("Coordination of services")
        FUNDING = "funding", _("Funding")
        TRAINING = "training", _("Training")
        REPORTING = "reporting", _("Local reporting requirements")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        IN_IMPLEMENTATION = "in_implementation", _("In implementation")
        IMPLEMENTED = "implemented", _("Implemented")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    NEXT = {
        Status.DRAFT: (Status.ADOPTED, Status.WITHDRAWN),
        Status.ADOPTED: (Status.IN_IMPLEMENTATION, Status.WITHDRAWN),
        Status.IN_IMPLEMENTATION: (Status.IMPLEMENTED, Status.WITHDRAWN),
        Status.IMPLEMENTED: (),
        Status.WITHDRAWN: (),
    }

    collaborative = models.ForeignKey(
        Collaborative, on_delete=models.PROTECT, related_name="recommendations"
    )
    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    text = models.TextField(_("recommendation"))
    rationale = models.TextField(_("why"), blank=True)
    barriers = models.ManyToManyField(
        Barrier, verbose_name=_("barriers it answers"), blank=True, related_name="recommendations"
    )
    agencies = models.ManyToManyField(
        "accounts.Organization",
        verbose_name=_("agencies asked to respond"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("recommendation", args=[self.pk])

    def progress(self):
        """Percent of milestones done (None without milestones); 100 once implemented."""
        if self.status == self.Status.IMPLEMENTED:
            return 100
        milestones = list(self.milestones.all())
        if not milestones:
            return None
        return round(100 * sum(1 for m in milestones if m.done) / len(milestones))


class AgencyResponse(models.Model):
    class Answer(models.TextChoices):
        ACCEPT = "accept", _("Accept")
        ACCEPT_IN_PART = "accept_in_part", _("Accept in part")
        DECLINE = "decline", _("Decline")

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="responses"
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    commitments = models.TextField(_("what the agency commits to"), blank=True)
    responded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["responded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "organization"], name="collab_one_response_per_agency"
            )
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_answer_display()}"


class Milestone(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.title


class RecommendationUpdate(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="updates"
    )
    text = models.TextField(_("update"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text[:80]
