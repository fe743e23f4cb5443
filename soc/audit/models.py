"""An append-only, hash-chained record of who saw and changed what.

This app sits at the bottom: it stores labels and ids, and imports no domain app.
"""

import hashlib
import json
from datetime import UTC, datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .actions import Kind

GENESIS_HASH = "0" * 64
SYSTEM_CHAIN = "system"
# The fields the hash covers, in order; `canonical_text` takes a row of them.
HASHED_FIELDS = (
    "chain",
    "seq",
    "at",
    "actor_id",
    "actor_name",
    "actor_organization",
    "action",
    "kind",
    "object_type",
    "object_id",
    "family_id",
    "reason",
    "ip_address",
    "detail",
    "prev_hash",
)


def chain_for(family_id, actor_id):
    """Each family's events form one chain; events without a family, one chain per actor."""
    if family_id is not None:
        return f"family:{int(family_id)}"
    if actor_id is not None:
        return f"actor:{int(actor_id)}"
    return SYSTEM_CHAIN


def canonical_text(row) -> str:
    """A row of HASHED_FIELDS in a fixed text form; prev_hash ties it to the row before."""
    values = list(row)
    if isinstance(values[2], datetime):  # verify may read it as this text already
        values[2] = values[2].astimezone(UTC).isoformat(timespec="microseconds")
    values[9] = str(values[9])
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def hash_of(row) -> str:
    return hashlib.sha256(canonical_text(row).encode()).hexdigest()


class AuditEventQuerySet(models.QuerySet):
    def for_family(self, family_id):
        return self.filter(family_id=family_id)

    def views(self):
        """Every read of a family's information: pages, lists, documents, duplicate matches."""
        return self.filter(kind=Kind.READ)

    def changes(self):
        return self.filter(kind=Kind.CHANGE)

    def disclosures(self):
        return self.filter(kind=Kind.DISCLOSURE)


class AuditEvent(models.Model):
    # No index of its own: pages ask by family (Meta.indexes), and every index slows each write.
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # Snapshots, so the record still reads right after a person changes jobs or names.
    actor_name = models.CharField(max_length=150, blank=True)
    actor_organization = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=60)
    # From the registry (soc/audit/actions.py) when written, so pages can pick reads or changes
    # through an index instead of matching names.
    kind = models.CharField(max_length=12)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    # Indexed with kind and id (Meta.indexes): a page reads one family's changes or reads.
    family_id = models.BigIntegerField(null=True, blank=True)
    reason = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    # One hash chain per family (see chain_for); seq counts from 1 within the chain.
    chain = models.CharField(max_length=40)
    seq = models.PositiveBigIntegerField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        constraints = [
            # Also the index a writer reads its chain's head through.
            models.UniqueConstraint(fields=["chain", "seq"], name="audit_one_event_per_chain_seq"),
        ]
        indexes = [
            models.Index(fields=["family_id", "kind", "id"], name="audit_family_kind_id"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def canonical(self) -> str:
        return canonical_text([getattr(self, name) for name in HASHED_FIELDS])

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode()).hexdigest()
