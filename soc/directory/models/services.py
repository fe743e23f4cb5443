"""Services, who may use them, what they cost, where they reach, and how much room they have."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import units
from .base import HsdsRecord, folded, owner, text

REVERIFY_AFTER = datetime.timedelta(days=365)


class ServiceQuerySet(models.QuerySet):
    def matching(self, words):
        """Services whose name or description holds every word, whatever the case or accents.
        A stand-in until full-text search lands."""
        qs = self
        for word in folded(words).split():
            qs = qs.filter(search_text__contains=word)
        return qs

    def public(self):
        """What anyone may see, signed in or not: services that take people now."""
        return self.filter(status__in=Service.PUBLIC_STATUSES)

    def needs_reverification(self, today=None):
        """Public services nobody has verified in a year (or ever): the re-verification queue."""
        today = today or timezone.localdate()
        stale = models.Q(assured_date__isnull=True) | models.Q(
            assured_date__lt=today - REVERIFY_AFTER
        )
        return self.public().filter(stale)

    def run_by(self, agency):
        """The services an agency's staff keep current."""
        return self.filter(organization__agency=agency)


class Service(HsdsRecord):
    HSDS_TABLE = "services"
    HSDS_NAME = "service"
    LOCAL_FIELDS = ("capacity_status", "verified_by", "search_text", "version")
    SEARCHED = ("name", "alternate_name", "description")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    class CapacityStatus(models.TextChoices):
        """The Gravity Project's service capacity codes (SDOHCC)."""

        UNKNOWN = "", _("Not stated")
        HAS_CAPACITY = "has-capacity", _("Has capacity")
        NO_CAPACITY = "no-capacity", _("No capacity")
        WAITLIST = "waitlist", _("Waitlist")
        ASSESSMENT = "additional-assessment-required", _("Additional assessment required")

    # Temporarily closed services stay listed so families know they exist and will reopen.
    PUBLIC_STATUSES = (Status.ACTIVE, Status.TEMPORARILY_CLOSED)

    organization = owner("directory.Organization", _("organization"), "services")
    program = owner("directory.Program", _("program"), "services")
    name = models.TextField(_("name"))
    alternate_name = text(_("alternate name"))
    description = text(_("description"))
    url = text(_("URL"))
    email = text(_("email"))
    status = models.CharField(_("status"), max_length=20, choices=Status, db_index=True)
    interpretation_services = text(_("interpretation services"))
    application_process = text(_("how to apply"))
    fees_description = text(_("fees description"))
    wait_time = text(_("wait time"))
    fees = text(_("fees"))
    accreditations = text(_("accreditations"))
    eligibility_description = text(_("who can use it"))
    minimum_age = models.FloatField(_("minimum age"), null=True, blank=True)
    maximum_age = models.FloatField(_("maximum age"), null=True, blank=True)
    assured_date = models.DateField(_("last verified"), null=True, blank=True)
    assurer_email = text(_("verified by (email)"))
    licenses = text(_("licenses"))
    alert = text(_("alert"))
    last_modified = models.DateTimeField(_("last modified"), default=timezone.now, db_index=True)
    capacity_status = models.CharField(
        _("capacity"), max_length=40, choices=CapacityStatus, blank=True, db_index=True
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    search_text = models.TextField(blank=True, editable=False)
    # Raised on each edit through the directory pages: a stale edit is refused (soc/versioning.py).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.is_public():
            from ..vocabulary import remember  # the vocabulary reads this model

            remember([self.search_text])

    def is_public(self):
        return self.status in self.PUBLIC_STATUSES

    def needs_reverification(self, today=None):
        today = today or timezone.localdate()
        return self.assured_date is None or self.assured_date < today - REVERIFY_AFTER

    def serves_age(self, age):
        return (self.minimum_age is None or age >= self.minimum_age) and (
            self.maximum_age is None or age <= self.maximum_age
        )


class ServiceCapacity(HsdsRecord):
    """HSDS 3.1's service_capacity: how many places a service has, in what unit, as of when."""

    HSDS_TABLE = "service_capacity"
    HSDS_NAME = "service_capacity"

    service = owner(Service, _("service"), "capacities", null=False)
    unit = models.TextField(_("unit"))
    available = models.FloatField(_("available"))
    maximum = models.FloatField(_("maximum"), null=True, blank=True)
    description = text(_("description"))
    updated = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        ordering = ["unit", "id"]
        verbose_name = _("service capacity")
        verbose_name_plural = _("service capacities")

    @property
    def unit_label(self):
        return units.label(self.unit)


class ServiceArea(HsdsRecord):
    HSDS_TABLE = "service_areas"
    HSDS_NAME = "service_area"
    LOCAL_FIELDS = ("county",)

    service = owner(Service, _("service"), "service_areas")
    name = text(_("name"))
    description = text(_("description"))
    extent = text(_("extent"))
    extent_type = text(_("extent type"))
    uri = text(_("URI"))
    # Our county row when the area's name is one ("Wake", "Wake County"): search filters by it.
    county = models.ForeignKey(
        "accounts.County",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_areas",
        verbose_name=_("county"),
    )

    class Meta:
        ordering = ["name", "id"]
        # Search's county filter reads the services of a county from the index alone.
        indexes = [models.Index(fields=["county", "service"], name="dir_area_county_service")]

    def save(self, *args, **kwargs):
        self.match_counties([self])
        super().save(*args, **kwargs)

    @staticmethod
    def county_key(name):
        """Names like "Wake", "Wake County" and "wake county, nc" all give the same key."""
        key = name.strip().lower().removesuffix(", nc").removesuffix(" county").strip()
        return key

    @classmethod
    def match_counties(cls, areas):
        """Point each area whose name is one of our counties at it (one query for all areas)."""
        from soc.accounts.models import County

        by_key = {cls.county_key(c.name): c.id for c in County.objects.all()}
        for area in areas:
            area.county_id = by_key.get(cls.county_key(area.name or ""))
        return areas


class CostOption(HsdsRecord):
    HSDS_TABLE = "cost_options"
    HSDS_NAME = "cost_option"

    service = owner(Service, _("service"), "cost_options")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    option = text(_("option"))
    currency = text(_("currency"))
    amount = models.FloatField(_("amount"), null=True, blank=True)
    amount_description = text(_("amount description"))

    class Meta:
        ordering = ["id"]


class RequiredDocument(HsdsRecord):
    HSDS_TABLE = "required_documents"
    HSDS_NAME = "required_document"

    service = owner(Service, _("service"), "required_documents")
    document = text(_("document"))
    uri = text(_("URI"))

    class Meta:
        ordering = ["id"]
