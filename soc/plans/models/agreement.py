"""Who agreed to which exact version, who acknowledged it, and progress noted at meetings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from soc.consent.records import CaseRecord

from .parts import Goal
from .plan import PlanVersion


class Agreement(models.Model):
    """A caregiver's or youth's answer to one version, as it stood (`content_version`)."""

    class Method(models.TextChoices):
        ONLINE = "online", _("Typed their name here")
        # Answers the facilitator records on the family member's behalf (`user` is who did).
        IN_PERSON = "in_person", pgettext_lazy("how an answer was given", "in person")
        ON_PAPER = "on_paper", pgettext_lazy("how an answer was given", "on paper")
        BY_PHONE = "by_phone", pgettext_lazy("how an answer was given", "by phone")

    RECORDED_METHODS = (Method.IN_PERSON, Method.ON_PAPER, Method.BY_PHONE)

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="agreements")
    content_version = models.PositiveIntegerField()
    membership = models.ForeignKey("teams.Membership", on_delete=models.PROTECT, related_name="+")
    agrees = models.BooleanField()
    reason = models.TextField(_("why not"), blank=True, max_length=2000)
    typed_name = models.CharField(_("your full name"), max_length=150)
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.ONLINE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["version_id", "at", "id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return f"Agreement {self.pk}"

    @property
    def is_recorded_on_behalf(self):
        """Given in person, on paper or by phone, and recorded by the facilitator (`user`)."""
        return self.method != self.Method.ONLINE


class Acknowledgement(models.Model):
    """A professional on the team says they have read the version and will do their part."""

    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    content_version = models.PositiveIntegerField()
    membership = models.ForeignKey("teams.Membership", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["version_id", "at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "membership", "content_version"], name="one_ack_per_member"
            )
        ]

    def __str__(self):
        return f"Acknowledgement {self.pk}"


RATING = [MinValueValidator(0), MaxValueValidator(10)]


class ProgressRating(CaseRecord):
    """Progress on one goal at one meeting: a case record of the goal's category."""

    class Decision(models.TextChoices):
        KEEP = "keep", _("Keep the goal as it is")
        CHANGE = "change", _("Change the goal")
        CLOSE = "close", _("Close the goal")

    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="ratings")
    goal_key = models.UUIDField(db_index=True)
    meeting = models.ForeignKey("teams.Meeting", on_delete=models.PROTECT, related_name="+")
    family_rating = models.PositiveSmallIntegerField(
        _("the family's rating (0 to 10)"), null=True, blank=True, validators=RATING
    )
    team_rating = models.PositiveSmallIntegerField(
        _("the team's rating (0 to 10)"), null=True, blank=True, validators=RATING
    )
    what_helped = models.TextField(_("what helped"), blank=True, max_length=2000)
    barriers = models.TextField(_("what got in the way"), blank=True, max_length=2000)
    decision = models.CharField(
        _("what to do with the goal"), max_length=8, choices=Decision.choices, default="keep"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["goal_key", "created_at", "id"]
        verbose_name = _("progress rating")
        verbose_name_plural = _("progress ratings")
        constraints = [
            models.UniqueConstraint(fields=["goal_key", "meeting"], name="one_rating_per_meeting"),
            models.CheckConstraint(
                condition=models.Q(family_rating__lte=10) & models.Q(team_rating__lte=10),
                name="rating_at_most_ten",
            ),
        ]

    def __str__(self):
        return f"Rating {self.pk}"
