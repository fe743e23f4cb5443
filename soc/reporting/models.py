"""The inventory of local reporting requirements: who reports what, to whom, how often.

Each requirement names the data items it asks for from one shared vocabulary, so an item asked
for by several requirements shows up as duplication the State Collaborative can recommend away.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from soc.collaboratives.models import Collaborative


class DataItem(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("data item"), max_length=200)
    description = models.TextField(_("what it counts"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("data item")
        verbose_name_plural = _("data items")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active language (seed names are in the message catalogue)."""
        return gettext(self.name) if self.name else ""


class RequirementQuerySet(models.QuerySet):
    def for_listing(self):
        """Everything a list shows, in a fixed number of queries."""
        return self.select_related("collaborative", "recipient_organization").prefetch_related(
            "data_items"
        )

    def for_body(self, body):
        """The requirements `body` must meet: its own, and those for every body of its kind."""
        return self.filter(Q(collaborative=body) | Q(collaborative=None, body_kind=body.kind))


class ReportingRequirement(models.Model):
    class Frequency(models.TextChoices):
        ANNUAL = "annual", _("Annual")
        QUARTERLY = "quarterly", _("Quarterly")
        MONTHLY = "monthly", _("Monthly")
        PER_MEETING = "per_meeting", _("Per meeting")

    title = models.CharField(_("report"), max_length=200)
    collaborative = models.ForeignKey(
        Collaborative,
        verbose_name=_("body that reports"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reporting_requirements",
    )
    body_kind = models.CharField(
        _("or every body of this kind"),
        max_length=20,
        choices=Collaborative.Kind.choices,
        blank=True,
    )
    recipient_organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("reported to (organization)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient = models.CharField(_("reported to"), max_length=200, blank=True)
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices)
    due_on = models.DateField(_("next due"), null=True, blank=True)
    due_rule = models.CharField(_("when it is due"), max_length=200, blank=True)
    data_items = models.ManyToManyField(
        DataItem, verbose_name=_("data items asked for"), related_name="requirements"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = RequirementQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("reporting requirement")
        verbose_name_plural = _("reporting requirements")
        constraints = [
            models.CheckConstraint(
                condition=Q(collaborative__isnull=False) | ~Q(body_kind=""),
                name="reporting_requirement_names_a_body",
            ),
            models.CheckConstraint(
                condition=Q(recipient_organization__isnull=False) | ~Q(recipient=""),
                name="reporting_requirement_names_a_recipient",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def asked_of(self):
        """The body, or "every JCPC" when the requirement is for a kind of body."""
        if self.collaborative_id:
            return str(self.collaborative)
        return gettext("Every %(kind)s") % {"kind": self.get_body_kind_display()}

    @property
    def to_whom(self):
        return (
            str(self.recipient_organization) if self.recipient_organization_id else self.recipient
        )
