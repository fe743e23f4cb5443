"""Where services are delivered: locations, their addresses, accessibility, phones, hours, languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import HsdsRecord, owner, soft_link, text


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    POSTAL = "postal", _("Postal")
    VIRTUAL = "virtual", _("Virtual")


class Location(HsdsRecord):
    HSDS_TABLE = "locations"
    HSDS_NAME = "location"

    location_type = models.CharField(_("location type"), max_length=10, choices=LocationType)
    url = text(_("URL"))
    organization = soft_link("directory.Organization", _("organization"), "locations")
    name = text(_("name"))
    alternate_name = text(_("alternate name"))
    description = text(_("description"))
    transportation = text(_("transportation"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    external_identifier = text(_("external identifier"))
    external_identifier_type = text(_("external identifier type"))

    class Meta:
        ordering = ["name", "id"]
        # Search near a place first boxes latitude and longitude.
        indexes = [models.Index(fields=["latitude", "longitude"], name="dir_location_lat_lon")]

    def __str__(self):
        return self.name or str(self.id)


class Address(HsdsRecord):
    HSDS_TABLE = "addresses"
    HSDS_NAME = "address"

    location = owner(Location, _("location"), "addresses")
    attention = text(_("attention"))
    address_1 = models.TextField(_("address"))
    address_2 = text(_("address line 2"))
    city = models.TextField(_("city"))
    region = text(_("region"))
    state_province = models.TextField(_("state"))
    postal_code = models.TextField(_("ZIP code"), db_index=True)
    country = models.TextField(_("country"))
    address_type = models.CharField(_("address type"), max_length=10, choices=LocationType)

    class Meta:
        ordering = ["id"]


class Accessibility(HsdsRecord):
    HSDS_TABLE = "accessibility"
    HSDS_NAME = "accessibility"

    location = owner(Location, _("location"), "accessibility")
    description = text(_("description"))
    details = text(_("details"))
    url = text(_("URL"))

    class Meta:
        ordering = ["id"]
        verbose_name_plural = _("accessibility")


class ServiceAtLocation(HsdsRecord):
    HSDS_TABLE = "service_at_location"
    HSDS_NAME = "service_at_location"

    service = owner("directory.Service", _("service"), "service_at_locations", null=False)
    location = owner(Location, _("location"), "service_at_locations", null=False)
    description = text(_("description"))

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["location", "service"], name="dir_sal_location_service")]


class Phone(HsdsRecord):
    HSDS_TABLE = "phones"
    HSDS_NAME = "phone"

    location = owner(Location, _("location"), "phones")
    service = owner("directory.Service", _("service"), "phones")
    organization = owner("directory.Organization", _("organization"), "phones")
    contact = owner("directory.Contact", _("contact"), "phones")
    service_at_location = owner(ServiceAtLocation, _("service at location"), "phones")
    number = models.TextField(_("number"))
    extension = models.IntegerField(_("extension"), null=True, blank=True)
    type = text(_("type"))
    description = text(_("description"))

    class Meta:
        ordering = ["id"]


class Weekday(models.TextChoices):
    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")


class Schedule(HsdsRecord):
    HSDS_TABLE = "schedules"
    HSDS_NAME = "schedule"

    class Frequency(models.TextChoices):
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")

    service = owner("directory.Service", _("service"), "schedules")
    location = owner(Location, _("location"), "schedules")
    service_at_location = owner(ServiceAtLocation, _("service at location"), "schedules")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    dtstart = models.DateField(_("first day"), null=True, blank=True)
    timezone = models.FloatField(_("time zone offset"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.IntegerField(_("count"), null=True, blank=True)
    wkst = models.CharField(_("week starts"), max_length=2, choices=Weekday, blank=True)
    freq = models.CharField(_("frequency"), max_length=7, choices=Frequency, blank=True)
    interval = models.IntegerField(_("interval"), null=True, blank=True)
    byday = text(_("days"))
    byweekno = text(_("weeks of the year"))
    bymonthday = text(_("days of the month"))
    byyearday = text(_("days of the year"))
    description = text(_("description"))
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    schedule_link = text(_("schedule link"))
    attending_type = text(_("attending type"))
    notes = text(_("notes"))

    class Meta:
        ordering = ["id"]


class Language(HsdsRecord):
    HSDS_TABLE = "languages"
    HSDS_NAME = "language"
    # What provider staff choose from (soc/directory/find_forms.py): after English and Spanish,
    # the languages most spoken at home in North Carolina, and sign language.
    OFFERED = [
        ("en", _("English")),
        ("es", _("Spanish")),
        ("vi", _("Vietnamese")),
        ("zh", _("Chinese")),
        ("ar", _("Arabic")),
        ("fr", _("French")),
        ("hmn", _("Hmong")),
        ("ko", _("Korean")),
        ("ru", _("Russian")),
        ("ase", _("American Sign Language")),
    ]

    service = owner("directory.Service", _("service"), "languages")
    location = owner(Location, _("location"), "languages")
    phone = owner(Phone, _("phone"), "languages")
    name = text(_("name"))
    code = models.CharField(_("code"), max_length=20, blank=True, db_index=True)
    note = text(_("note"))

    class Meta:
        ordering = ["name", "id"]
        # Search's language filter: the services (or places) speaking a language, index only.
        indexes = [
            models.Index(fields=["code", "service"], name="dir_language_code_service"),
            models.Index(fields=["code", "location"], name="dir_language_code_location"),
        ]

    def __str__(self):
        return self.name or self.code
