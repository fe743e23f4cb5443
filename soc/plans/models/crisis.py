"""The crisis and safety plan of a version, and the crisis lines kept as editable data."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from soc.consent.records import CaseRecord

from .plan import PlanVersion


class CrisisLineQuerySet(models.QuerySet):
    def for_county(self, county_id):
        """Statewide lines and the family's county's own, statewide first."""
        return self.filter(is_active=True).filter(
            models.Q(county__isnull=True) | models.Q(county_id=county_id)
        )


class CrisisLine(models.Model):
    """988, Hope4NC and each county's mobile crisis line: data an administrator keeps current."""

    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40)
    how = models.CharField(
        _("how to reach it"), max_length=200, blank=True, help_text=_("For example: call or text.")
    )
    how_es = models.CharField(_("how to reach it, in Spanish"), max_length=200, blank=True)
    county = models.ForeignKey(
        "accounts.County",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a line that serves the whole state."),
    )
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    objects = CrisisLineQuerySet.as_manager()

    class Meta:
        ordering = ["county_id", "position", "name"]
        verbose_name = _("crisis line")
        verbose_name_plural = _("crisis lines")

    def __str__(self):
        return f"{self.name} {self.phone}"

    def how_in(self, language):
        return self.how_es if language == "es" and self.how_es else self.how


class CrisisPlan(CaseRecord):
    version = models.OneToOneField(
        PlanVersion, on_delete=models.CASCADE, related_name="crisis_plan"
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    revision = models.PositiveIntegerField(default=1)
    triggers = models.TextField(_("what can set off a crisis"), blank=True, max_length=3000)
    warning_signs = models.TextField(_("early warning signs"), blank=True, max_length=3000)
    what_helps = models.TextField(_("what helps"), blank=True, max_length=3000)
    what_does_not_help = models.TextField(_("what does not help"), blank=True, max_length=3000)
    who_does_what = models.TextField(_("who does what"), blank=True, max_length=3000)
    contacts = models.ManyToManyField(
        "teams.Membership", blank=True, related_name="+", verbose_name=_("who to call on our team")
    )
    lines = models.ManyToManyField(
        CrisisLine, blank=True, related_name="+", verbose_name=_("crisis lines")
    )

    COPIED = ("triggers", "warning_signs", "what_helps", "what_does_not_help", "who_does_what")

    class Meta:
        verbose_name = _("crisis and safety plan")
        verbose_name_plural = _("crisis and safety plans")

    def __str__(self):
        return f"Crisis plan {self.pk}"

    def copy_values(self):
        return {name: getattr(self, name) for name in self.COPIED}

    @property
    def is_empty(self):
        return not any(getattr(self, name).strip() for name in self.COPIED)
