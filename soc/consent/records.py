"""The base every case record shares: which family it belongs to, its kind of information,
who wrote it and when. Its queryset hands over to the policy, so a new kind of record is
readable exactly where the rules say, through every door."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import filters, policy
from .categories import DataCategory


class CaseRecordQuerySet(models.QuerySet):
    def visible_to(self, user, family=None):
        """Records the user may read; with `family`, only that family's (one membership looked up)."""
        family_id = family.pk if family is not None else None
        return filters.readable_records(self, user, family_id=family_id)

    def with_readability(self, user, family=None):
        """Each record annotated `readable` (for a meeting whose notes may be protected)."""
        family_id = family.pk if family is not None else None
        return filters.with_readability(self, user, family_id=family_id)

    def in_families_seen_by(self, user):
        """Records of families the user sees, readable or not: for what is not protected,
        such as when a meeting is, while its notes follow `visible_to`."""
        return filters.visible_families(self, user, field="family_id")


class CaseRecord(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    category = models.CharField(
        _("kind of information"),
        max_length=20,
        choices=DataCategory.choices,
        default=DataCategory.GENERAL,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_protected(self):
        return self.category != DataCategory.GENERAL

    @property
    def is_substance_use(self):
        return self.category == DataCategory.SUBSTANCE_USE

    def is_readable_by(self, user):
        return policy.can_read_record(user, self)

    def can(self, user, action):
        return policy.can(user, action, self)
