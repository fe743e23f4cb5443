"""Consent directives: the family decides who sees which kind of information, why, and until when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .categories import DataCategory

PROTECTED_CHOICES = [(v, label) for v, label in DataCategory.choices if v != DataCategory.GENERAL]


class ConsentQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(revoked_at__isnull=True, starts_on__lte=on, expires_on__gte=on)


class ConsentCategoryQuerySet(models.QuerySet):
    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            consent__revoked_at__isnull=True,
            consent__starts_on__lte=on,
            consent__expires_on__gte=on,
        )


class Consent(models.Model):
    class Recipient(models.TextChoices):
        PERSON = "person", _("One person")
        ORGANIZATION = "organization", _("An organization")
        TEAM = "team", _("Everyone on our team")

    class Purpose(models.TextChoices):
        CARE_COORDINATION = "care_coordination", _("Coordinating care")
        TREATMENT = "treatment", _("Treatment")
        PAYMENT = "payment", _("Payment")
        OTHER = "other", _("Other")

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("Signed in person")
        ELECTRONIC = "electronic", _("Signed electronically")

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="consents")
    granted_by = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        related_name="consents_given",
        verbose_name=_("who gives consent"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    discloser = models.CharField(
        _("who shares the information"),
        max_length=200,
        help_text=_(
            "The agency or program that holds the records, for example “Wake Recovery Services”."
        ),
    )
    recipient_kind = models.CharField(_("shared with"), max_length=20, choices=Recipient.choices)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consents_received",
    )
    recipient_organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consents_received",
    )
    recipient_label = models.CharField(max_length=200)
    categories = models.JSONField(_("kinds of information"), default=list)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    purpose_other = models.CharField(_("other purpose, in words"), max_length=300, blank=True)
    starts_on = models.DateField(_("from"))
    expires_on = models.DateField(_("until"))
    right_to_revoke_explained = models.BooleanField(
        _("I know I can take back this consent at any time, except for what was already shared"),
        default=False,
    )
    signed_name = models.CharField(_("signed (typed name)"), max_length=150)
    signed_on = models.DateField(_("date signed"))
    signature_method = models.CharField(
        _("how it was signed"), max_length=12, choices=Method.choices
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"Consent {self.pk} ({', '.join(self.categories)})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._write_category_rows()

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def is_active(self, on=None):
        on = on or timezone.localdate()
        return not self.is_revoked and self.starts_on <= on <= self.expires_on

    def status(self, on=None):
        on = on or timezone.localdate()
        if self.is_revoked:
            return "revoked"
        if on < self.starts_on:
            return "not_started"
        if on > self.expires_on:
            return "expired"
        return "active"

    def get_status_display(self):
        return {
            "revoked": _("Taken back"),
            "not_started": _("Not started yet"),
            "expired": _("Expired"),
            "active": _("Active"),
        }[self.status()]

    @property
    def recipient_display(self):
        """Worked out when shown, so each reader sees the team's name in their own language."""
        if self.recipient_kind == self.Recipient.TEAM:
            return _("Everyone on our team")
        return self.recipient_label

    def category_labels(self):
        labels = dict(DataCategory.choices)
        return [labels[c] for c in self.categories if c in labels]

    @property
    def covers_substance_use(self):
        return DataCategory.SUBSTANCE_USE in self.categories

    def _write_category_rows(self):
        """One row per category, so that the access filter can join on them in SQL."""
        wanted = set(self.categories)
        have = set(self.category_rows.values_list("category", flat=True))
        if have - wanted:
            self.category_rows.filter(category__in=have - wanted).delete()
        ConsentCategory.objects.bulk_create(
            ConsentCategory(consent=self, family_id=self.family_id, category=c)
            for c in sorted(wanted - have)
        )

    def names(self, user, membership):
        """Does this consent name the user: as a person, through the organization recorded on
        their team membership (not the account's organization of today), or the whole team?"""
        if membership is None:
            return False
        if self.recipient_kind == self.Recipient.TEAM:
            return True
        if self.recipient_kind == self.Recipient.ORGANIZATION:
            return (
                membership.organization_id is not None
                and membership.organization_id == self.recipient_organization_id
            )
        return self.recipient_user_id == user.pk


class ConsentCategory(models.Model):
    """A kind of information one consent covers: the consent's categories as rows."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="category_rows")
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=20, choices=DataCategory.choices)

    objects = ConsentCategoryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consent", "category"], name="one_row_per_category")
        ]
        indexes = [models.Index(fields=["family", "category"], name="consent_category_lookup")]

    def __str__(self):
        return f"{self.consent_id}: {self.category}"


class EmergencyAccess(models.Model):
    """Break-glass: a staff member not on the team opens a family for 24 hours, with a reason.

    Substance-use records open only for a stated medical emergency; the grant then keeps what
    42 CFR 2.51(c) asks to be written down at the time: who received the information and their
    affiliation, when, the program whose records were disclosed, and the nature of the emergency.
    """

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="emergency_accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_accesses"
    )
    reason = models.TextField(_("what the emergency is"))
    medical_emergency = models.BooleanField(_("a medical emergency"), default=False)
    # Copied at the time, as the law asks: later changes to the account must not rewrite them.
    recipient_name = models.CharField(_("who received the information"), max_length=150, blank=True)
    recipient_affiliation = models.CharField(_("their organization"), max_length=200, blank=True)
    disclosing_programs = models.JSONField(
        _("programs whose substance use records were opened"), default=list, blank=True
    )
    started_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"Emergency access {self.pk}"

    @property
    def is_active(self):
        return self.expires_at > timezone.now()

    @property
    def opens_substance_use_records(self):
        return self.medical_emergency
