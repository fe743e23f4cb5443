"""A collaborative: the State Collaborative, a local body, or a work group under another body."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CollaborativeQuerySet(models.QuerySet):
    def state(self):
        return self.filter(kind=Collaborative.Kind.STATE)

    def local(self):
        return self.filter(level=Collaborative.Level.LOCAL)

    def for_county(self, county_id):
        return self.filter(counties=county_id)


class Collaborative(models.Model):
    class Level(models.TextChoices):
        STATE = "state", _("State")
        LOCAL = "local", _("Local")

    class Kind(models.TextChoices):
        STATE = "state", _("State Collaborative")
        COMMUNITY = "community", _("Community Collaborative")
        JCPC = "jcpc", _("Juvenile Crime Prevention Council (JCPC)")
        CCPT = "ccpt", _("Community Child Protection Team (CCPT)")
        CFT_ADVISORY = "cft_advisory", _("Local Child and Family Team Advisory Committee")
        WORK_GROUP = "work_group", _("Work group")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for the web address"), max_length=80, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="work_groups",
    )
    counties = models.ManyToManyField(
        "accounts.County", verbose_name=_("counties covered"), blank=True, related_name="+"
    )
    purpose = models.TextField(_("what it is"), blank=True)
    meets = models.CharField(_("when it meets"), max_length=200, blank=True)
    # The body's own rules, checked with a visible warning when they are not met.
    needs_family_co_chair = models.BooleanField(
        _("a family member must be one of the co-chairs"), default=False
    )
    family_voting_share = models.PositiveSmallIntegerField(
        _("least share of voting seats held by family members and youth (percent)"), default=0
    )
    quorum_needs_family = models.BooleanField(
        _("quorum needs a family member present"), default=False
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CollaborativeQuerySet.as_manager()

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("collaborative")
        verbose_name_plural = _("collaboratives")
        permissions = [("administer_collaboratives", "Can set up collaboratives and their seats")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("collaborative", args=[self.slug])

    @property
    def is_state(self):
        return self.kind == self.Kind.STATE

    @property
    def is_work_group(self):
        return self.kind == self.Kind.WORK_GROUP

    def lineage(self):
        """The bodies above this one, nearest last (for breadcrumbs)."""
        chain, body = [], self.parent
        while body is not None and body not in chain:
            chain.insert(0, body)
            body = body.parent
        return chain

    def top(self):
        """The body at the top of this one's line: itself unless it is a work group."""
        lineage = self.lineage()
        return lineage[0] if lineage else self
