"""Organizations that run services, with their identifiers, programs, funding and contacts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import HsdsRecord, folded, owner, soft_link, text


class OrganizationQuerySet(models.QuerySet):
    def matching(self, words):
        qs = self
        for word in folded(words).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Organization(HsdsRecord):
    HSDS_TABLE = "organizations"
    HSDS_NAME = "organization"
    LOCAL_FIELDS = ("agency", "search_text")
    SEARCHED = ("name", "alternate_name", "description")

    name = models.TextField(_("name"))
    alternate_name = text(_("alternate name"))
    description = models.TextField(_("description"))
    email = text(_("email"))
    website = text(_("website"))
    tax_status = text(_("tax status"))
    tax_id = text(_("tax ID"))
    year_incorporated = models.IntegerField(_("year incorporated"), null=True, blank=True)
    legal_status = text(_("legal status"))
    logo = text(_("logo"))
    uri = text(_("URI"))
    parent_organization = soft_link("self", _("parent organization"), "child_organizations")
    # The agency on this platform that runs it: its staff keep its services current.
    agency = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directory_organizations",
        verbose_name=_("agency on this platform"),
    )
    search_text = models.TextField(blank=True, editable=False)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("directory organization")
        verbose_name_plural = _("directory organizations")

    def __str__(self):
        return self.name


class OrganizationIdentifier(HsdsRecord):
    HSDS_TABLE = "organization_identifiers"
    HSDS_NAME = "organization_identifier"

    organization = owner(Organization, _("organization"), "organization_identifiers")
    identifier_scheme = text(_("identifier scheme"))
    identifier_type = models.TextField(_("identifier type"))
    identifier = models.TextField(_("identifier"))

    class Meta:
        ordering = ["identifier_type", "id"]


class Program(HsdsRecord):
    HSDS_TABLE = "programs"
    HSDS_NAME = "program"

    organization = owner(Organization, _("organization"), "programs")
    name = models.TextField(_("name"))
    alternate_name = text(_("alternate name"))
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class Funding(HsdsRecord):
    HSDS_TABLE = "funding"
    HSDS_NAME = "funding"

    organization = owner(Organization, _("organization"), "funding")
    service = owner("directory.Service", _("service"), "funding")
    source = text(_("source"))

    class Meta:
        ordering = ["id"]


class Contact(HsdsRecord):
    HSDS_TABLE = "contacts"
    HSDS_NAME = "contact"

    organization = soft_link(Organization, _("organization"), "contacts")
    service = owner("directory.Service", _("service"), "contacts")
    service_at_location = soft_link(
        "directory.ServiceAtLocation", _("service at location"), "contacts"
    )
    location = owner("directory.Location", _("location"), "contacts")
    name = text(_("name"))
    title = text(_("title"))
    department = text(_("department"))
    email = text(_("email"))

    class Meta:
        ordering = ["name", "id"]
