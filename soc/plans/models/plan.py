"""The family's one plan and its versions: a version in effect never changes; edits make a draft."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.consent import policy
from soc.consent.records import CaseRecord, CaseRecordQuerySet

REVIEW_EVERY = timedelta(days=90)
REVIEW_SOON = timedelta(days=14)
YOUTH_AGREES_FROM = 14


def default_review_date():
    return timezone.localdate() + REVIEW_EVERY


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Plans of families the user sees (that a plan exists is not protected; its parts may be)."""
        return policy.visible_families(self, user, field="family_id")


class Plan(models.Model):
    family = models.OneToOneField("families.Family", on_delete=models.CASCADE, related_name="plan")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    youth_agreement_age = models.PositiveSmallIntegerField(
        _("youth agree to the plan from age"),
        default=YOUTH_AGREES_FROM,
        help_text=_("Youth on the team this age or older are asked to agree too."),
    )
    # The review date the team was last reminded about (one reminder per date).
    reminded_for = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self):
        return f"Plan {self.pk}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("plan", args=[self.family_id])


class PlanVersionQuerySet(CaseRecordQuerySet):
    def in_effect(self):
        return self.filter(status=PlanVersion.Status.IN_EFFECT)

    def open(self):
        """The draft or proposed version the team is working on (at most one)."""
        return self.filter(status__in=PlanVersion.OPEN)


class PlanVersion(CaseRecord):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PROPOSED = "proposed", _("Waiting for the family to agree")
        IN_EFFECT = "in_effect", _("In effect")
        SUPERSEDED = "superseded", _("Replaced by a newer version")

    OPEN = (Status.DRAFT, Status.PROPOSED)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vision = models.TextField(
        _("our family's vision"),
        blank=True,
        max_length=2000,
        help_text=_("In the family's own words: how life will be when things are better."),
    )
    mission = models.TextField(
        _("the team's mission"),
        blank=True,
        max_length=2000,
        help_text=_("What this team will do together for the family."),
    )
    start_date = models.DateField(_("plan starts"), default=timezone.localdate)
    review_date = models.DateField(_("review the plan by"), default=default_review_date)
    proposed_at = models.DateTimeField(null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    in_effect_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every change to the version or its parts: agreement names the exact one shown.
    version = models.PositiveIntegerField(default=1)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        ordering = ["plan_id", "-number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_number_per_plan"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status="in_effect"),
                name="one_version_in_effect_per_plan",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status__in=["draft", "proposed"]),
                name="one_open_version_per_plan",
            ),
        ]

    def __str__(self):
        return f"Plan {self.plan_id} v{self.number}"

    @property
    def is_editable(self):
        return self.status in self.OPEN

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_proposed(self):
        return self.status == self.Status.PROPOSED

    @property
    def is_in_effect(self):
        return self.status == self.Status.IN_EFFECT

    def is_due_for_review(self, today=None):
        today = today or timezone.localdate()
        return self.is_in_effect and self.review_date <= today + REVIEW_SOON

    def is_overdue_for_review(self, today=None):
        today = today or timezone.localdate()
        return self.is_in_effect and self.review_date < today
