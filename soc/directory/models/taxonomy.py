"""Taxonomies, their terms, the attributes that tag any record with a term, and change metadata."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .base import HsdsRecord, owner, soft_link, text


class Taxonomy(HsdsRecord):
    HSDS_TABLE = "taxonomies"
    HSDS_NAME = "taxonomy"

    name = models.TextField(_("name"))
    description = models.TextField(_("description"))
    uri = text(_("URI"))
    version = text(_("version"))

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = _("taxonomies")

    def __str__(self):
        return self.name


class TaxonomyTerm(HsdsRecord):
    HSDS_TABLE = "taxonomy_terms"
    HSDS_NAME = "taxonomy_term"
    LOCAL_FIELDS = ("name_es",)
    HSDS_RENAMES = {"taxonomy_id": "taxonomy_detail_id"}

    code = models.CharField(_("code"), max_length=100, blank=True, db_index=True)
    name = models.TextField(_("name"))
    description = models.TextField(_("description"))
    parent = soft_link("self", _("parent term"), "children")
    taxonomy = text(_("taxonomy"))
    language = text(_("language"))
    taxonomy_detail = soft_link(Taxonomy, _("taxonomy"), "terms")
    term_uri = text(_("term URI"))
    # Our shipped terms carry their Spanish name; imported terms keep their own language.
    name_es = text(_("name in Spanish"))

    class Meta:
        ordering = ["code", "name", "id"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The term's name in the reader's language (Spanish where the term has one)."""
        spanish = (get_language() or "en").startswith("es")
        return self.name_es if spanish and self.name_es else self.name


class Attribute(HsdsRecord):
    """Tags one record of any table (`link_entity`, `link_id`) with a taxonomy term."""

    HSDS_TABLE = "attributes"
    HSDS_NAME = "attribute"

    link_id = models.UUIDField(_("linked record"), null=True, blank=True, db_index=True)
    taxonomy_term = owner(TaxonomyTerm, _("taxonomy term"), "attributes")
    link_type = text(_("link type"))
    link_entity = models.CharField(_("linked table"), max_length=40, blank=True)
    value = text(_("value"))

    class Meta:
        ordering = ["id"]
        # Search's need filter: the records tagged with any term of a need, index only.
        indexes = [
            models.Index(fields=["taxonomy_term", "link_id"], name="dir_attribute_term_link")
        ]


class Metadata(HsdsRecord):
    """HSDS's change log of a record's fields, kept as imported."""

    HSDS_TABLE = "metadata"
    HSDS_NAME = "metadata"

    resource_id = models.UUIDField(_("record"), null=True, blank=True, db_index=True)
    resource_type = text(_("table"))
    last_action_date = models.TextField(_("date"))
    last_action_type = models.TextField(_("action"))
    # Required by HSDS, yet empty when there was no previous value.
    MAY_BE_EMPTY = ("field_name", "previous_value", "replacement_value")

    field_name = models.TextField(_("field"))
    previous_value = models.TextField(_("previous value"))
    replacement_value = models.TextField(_("replacement value"))
    updated_by = models.TextField(_("updated by"))

    class Meta:
        ordering = ["id"]
        verbose_name_plural = _("metadata")


class MetaTableDescription(HsdsRecord):
    HSDS_TABLE = "meta_table_descriptions"
    HSDS_NAME = "meta_table_description"

    name = text(_("name"))
    language = text(_("language"))
    character_set = text(_("character set"))

    class Meta:
        ordering = ["id"]
