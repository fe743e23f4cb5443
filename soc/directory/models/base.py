"""What every directory table shares: a UUID id, as in Open Referral HSDS 3.0."""

import unicodedata
import uuid

from django.db import models


def text(verbose_name, **kwargs):
    """An optional HSDS string: empty when the source leaves it out."""
    return models.TextField(verbose_name, blank=True, **kwargs)


def soft_link(to, verbose_name, related_name):
    """A reference HSDS allows to point outside the file (a parent organization, a taxonomy kept
    elsewhere): stored as given, with no database constraint, so a directory can cite records it
    does not hold."""
    return models.ForeignKey(
        to,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def owner(to, verbose_name, related_name, null=True):
    """A reference to the record a row belongs to: it must exist, and goes when its owner goes."""
    return models.ForeignKey(
        to,
        on_delete=models.CASCADE,
        null=null,
        blank=null,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def folded(*parts):
    """Text for case- and accent-blind matching: "Niños" and "ninos" read the same."""
    text = " ".join(p for p in parts if p)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class HsdsRecord(models.Model):
    """A row of one HSDS table. `HSDS_TABLE` names its CSV file, `HSDS_NAME` its JSON entity;
    `LOCAL_FIELDS` are ours and never leave the platform in an HSDS document."""

    HSDS_TABLE = ""
    HSDS_NAME = ""
    LOCAL_FIELDS: tuple = ()
    HSDS_RENAMES: dict = {}
    MAY_BE_EMPTY: tuple = ()
    # The columns `search` matches, folded into a `search_text` column (models that have one).
    SEARCHED: tuple = ()

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.SEARCHED:
            self.search_text = folded(*(getattr(self, f) for f in self.SEARCHED))
        super().save(*args, **kwargs)

    @classmethod
    def hsds_columns(cls):
        """(HSDS column, model attribute) pairs in the standard's order."""
        renamed = {v: k for k, v in cls.HSDS_RENAMES.items()}
        columns = []
        for field in cls._meta.concrete_fields:
            if field.name in cls.LOCAL_FIELDS:
                continue
            columns.append((renamed.get(field.attname, field.attname), field.attname))
        return columns

    @classmethod
    def hsds_required(cls):
        """The attributes HSDS requires: the id and every column that may not be left out."""
        return {
            f.attname
            for f in cls._meta.concrete_fields
            if f.name not in cls.LOCAL_FIELDS
            and not f.blank
            and not f.null
            and (f.primary_key or not f.has_default())
        }
