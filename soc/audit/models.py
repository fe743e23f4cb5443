"""An append-only, hash-chained record of who saw and changed what.

This app sits at the bottom: it stores labels and ids, and imports no domain app.
"""

import hashlib
import json
from datetime import UTC

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64
# Naming convention for audit actions that read: "<thing>.view", ".list", ".pdf", ".export"...
READ_SUFFIXES = (".view", ".list", ".pdf", ".export", ".download")
READ_ACTIONS = frozenset({"family.duplicate_shown"})


class AuditEventQuerySet(models.QuerySet):
    def for_family(self, family_id):
        return self.filter(family_id=family_id)

    def views(self):
        """Every read of a family's information: pages, lists, documents, duplicate matches."""
        reads = models.Q()
        for suffix in READ_SUFFIXES:
            reads |= models.Q(action__endswith=suffix)
        return self.filter(reads | models.Q(action__in=READ_ACTIONS))


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
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
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    family_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    reason = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def canonical(self) -> str:
        """The fields the hash covers, in a fixed text form; prev_hash ties it to the row before."""
        return json.dumps(
            [
                self.at.astimezone(UTC).isoformat(timespec="microseconds"),
                self.actor_id,
                self.actor_name,
                self.actor_organization,
                self.action,
                self.object_type,
                str(self.object_id),
                self.family_id,
                self.reason,
                self.ip_address,
                self.detail,
                self.prev_hash,
            ],
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode()).hexdigest()
