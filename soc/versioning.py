"""Optimistic concurrency: each editable row carries a version; a stale edit is refused, not merged."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class StaleVersion(Exception):
    """Someone else saved this record after the editor loaded it."""

    message = _(
        "Someone else changed this while you were working on it. Nothing was saved. "
        "Please review the latest version and make your change again."
    )

    def __init__(self, obj):
        super().__init__(str(self.message))
        self.obj = obj


def lock_for_content_edit(queryset, pk, expected_version):
    """Like lock_for_edit, but the editor must say which version they changed: editing
    content blind would overwrite someone else's work."""
    if expected_version is None:
        raise ValidationError({"version": _("Please reload the page and make your change again.")})
    return lock_for_edit(queryset, pk, expected_version)


def lock_for_edit(queryset, pk, expected_version):
    """Lock and return the row, or raise StaleVersion if it moved on since `expected_version`.

    Must run inside a transaction (PostgreSQL row lock; SQLite's IMMEDIATE transaction
    already serializes writers).
    """
    obj = queryset.select_for_update().get(pk=pk)
    if expected_version is not None and int(expected_version) != obj.version:
        raise StaleVersion(obj)
    return obj


def save_new_version(obj, fields):
    obj.version += 1
    obj.full_clean()
    obj.save(update_fields=[*fields, "version"])
    return obj
