"""The parts of one plan version, each a case record with its own data category.

Each part carries a `key` shared by its copies in later versions, so a goal's history (its
progress ratings) follows it from version to version.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from soc.consent.records import CaseRecord

from .plan import PlanVersion


class PlanPart(models.Model):
    """What every part shares besides the case-record fields (CaseRecord is mixed in below)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="%(class)ss")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(default=0)
    # This row's own edit counter, so two people editing different parts do not collide.
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    #: Fields copied into the next draft (besides the case-record fields and `key`).
    COPIED = ()

    def copy_values(self):
        return {name: getattr(self, name) for name in self.COPIED}


class Strength(CaseRecord, PlanPart):
    class About(models.TextChoices):
        CHILD = "child", _("The child or youth")
        FAMILY = "family", _("The family")
        COMMUNITY = "community", _("Our community (culture, faith, friends)")

    about = models.CharField(_("whose strength"), max_length=12, choices=About.choices)
    description = models.CharField(_("the strength"), max_length=500)
    named_by = models.CharField(
        _("who named it"), max_length=150, blank=True, help_text=_("For example: Mom, the teacher.")
    )

    COPIED = ("about", "description", "named_by", "position")

    class Meta:
        ordering = ["version_id", "about", "position", "id"]
        verbose_name = _("strength")
        verbose_name_plural = _("strengths")

    def __str__(self):
        return f"Strength {self.pk}"


class Need(CaseRecord, PlanPart):
    class Domain(models.TextChoices):
        SAFETY = "safety", _("Safety")
        PERMANENCE = "permanence", _("Permanence (a stable, lasting home)")
        WELLBEING = "wellbeing", _("Wellbeing")

    class Setting(models.TextChoices):
        HOME = "home", _("Home")
        SCHOOL = "school", _("School")
        COMMUNITY = "community", _("Community")

    class Barrier(models.TextChoices):
        NO_SERVICE = "no_service", _("No service exists")
        WAITING_LIST = "waiting_list", _("Waiting list")
        COST = "cost", _("Cost")
        LANGUAGE = "language", _("Not offered in our language")
        TRANSPORT = "transport", _("Transportation")
        ELIGIBILITY = "eligibility", _("Not eligible")

    rank = models.PositiveSmallIntegerField(
        _("order of importance"), default=1, help_text=_("1 is the most important to the family.")
    )
    description = models.CharField(_("the need"), max_length=500)
    domain = models.CharField(_("life area"), max_length=12, choices=Domain.choices)
    setting = models.CharField(_("where"), max_length=12, choices=Setting.choices)
    is_unmet = models.BooleanField(_("no service can meet this need now"), default=False)
    barrier = models.CharField(_("why not"), max_length=14, choices=Barrier.choices, blank=True)

    COPIED = ("rank", "description", "domain", "setting", "is_unmet", "barrier", "position")

    class Meta:
        ordering = ["version_id", "rank", "id"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self):
        return f"Need {self.pk}"


class Goal(CaseRecord, PlanPart):
    """Statuses follow FHIR R4 Goal (lifecycleStatus, achievementStatus)."""

    class Lifecycle(models.TextChoices):
        # Each status has its context: in Spanish a goal (la meta) is "activa", not "activo".
        PROPOSED = "proposed", pgettext_lazy("goal status", "Proposed")
        ACTIVE = "active", pgettext_lazy("goal status", "Active")
        ON_HOLD = "on-hold", pgettext_lazy("goal status", "On hold")
        COMPLETED = "completed", pgettext_lazy("goal status", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("goal status", "Cancelled")

    class Achievement(models.TextChoices):
        IN_PROGRESS = "in-progress", pgettext_lazy("goal progress", "In progress")
        IMPROVING = "improving", pgettext_lazy("goal progress", "Improving")
        WORSENING = "worsening", pgettext_lazy("goal progress", "Getting worse")
        NO_CHANGE = "no-change", pgettext_lazy("goal progress", "No change")
        ACHIEVED = "achieved", pgettext_lazy("goal progress", "Reached")
        NOT_ACHIEVED = "not-achieved", pgettext_lazy("goal progress", "Not reached")

    description = models.CharField(_("the goal, in the family's words"), max_length=500)
    needs = models.ManyToManyField(Need, blank=True, related_name="goals", verbose_name=_("needs"))
    how_we_will_know = models.CharField(_("how we will know we reached it"), max_length=500)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    lifecycle_status = models.CharField(
        _("status"), max_length=10, choices=Lifecycle.choices, default=Lifecycle.ACTIVE
    )
    achievement_status = models.CharField(
        _("progress"), max_length=12, choices=Achievement.choices, default=Achievement.IN_PROGRESS
    )

    COPIED = (
        "description",
        "how_we_will_know",
        "target_date",
        "lifecycle_status",
        "achievement_status",
        "position",
    )

    class Meta:
        ordering = ["version_id", "position", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return f"Goal {self.pk}"

    @property
    def is_open(self):
        return self.lifecycle_status in (self.Lifecycle.PROPOSED, self.Lifecycle.ACTIVE)


class Strategy(CaseRecord, PlanPart):
    """An activity of the plan (FHIR CarePlan.activity); its action steps are next steps."""

    class Kind(models.TextChoices):
        FORMAL = "formal", _("Formal service")
        NATURAL = "natural", _("Natural or informal support")
        COMMUNITY = "community", _("Community resource")

    class Status(models.TextChoices):
        # A strategy (la estrategia) is "hecha": its own context, like the goal's statuses.
        NOT_STARTED = "not-started", pgettext_lazy("strategy status", "Not started")
        IN_PROGRESS = "in-progress", pgettext_lazy("strategy status", "In progress")
        ON_HOLD = "on-hold", pgettext_lazy("strategy status", "On hold")
        COMPLETED = "completed", pgettext_lazy("strategy status", "Done")
        CANCELLED = "cancelled", pgettext_lazy("strategy status", "Stopped")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="strategies")
    description = models.CharField(_("what we will do"), max_length=500)
    kind = models.CharField(_("kind of help"), max_length=10, choices=Kind.choices)
    responsible = models.ForeignKey(
        "teams.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("who is responsible"),
    )
    start_date = models.DateField(_("starts"), null=True, blank=True)
    due_date = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    steps = models.ManyToManyField(
        "teams.NextStep", through="StrategyStep", related_name="+", blank=True
    )

    COPIED = ("description", "kind", "responsible", "start_date", "due_date", "status", "position")

    class Meta:
        ordering = ["version_id", "goal_id", "position", "id"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self):
        return f"Strategy {self.pk}"


class StrategyStep(models.Model):
    """A strategy's action step: one of the team's next steps (teams owns the step itself)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="step_links")
    next_step = models.ForeignKey("teams.NextStep", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["strategy", "next_step"], name="one_link_per_step")
        ]

    def __str__(self):
        return f"{self.strategy_id}: {self.next_step_id}"
