"""Referrals from a family's team to a community service, and the needs no service could meet.

A referral is a case record (family, kind of information, author, created), so the team reads
it through the policy like any record. The provider reads only its `SharedDetails`: what the
family agreed to share for this one referral.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.consent import filters
from soc.consent.records import CaseRecord, CaseRecordQuerySet
from soc.families.models import SpokenLanguage

from .states import CLOSED, OPEN, Reason, Status


class ReferralQuerySet(CaseRecordQuerySet):
    def received_by(self, user):
        """Referrals sent to services the user's organization runs (the provider's inbox)."""
        return filters.received_referrals(self, user)

    def open(self):
        return self.filter(status__in=OPEN)


class Referral(CaseRecord):
    """FHIR R4 ServiceRequest with its Task: who is referred, to what, for which need, and where
    it stands."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    strategy = models.ForeignKey(
        "plans.Strategy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("plan strategy"),
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("service"),
    )
    # The platform organization that runs the service when the referral was made: its staff
    # receive it. Kept on the row so the inbox is one indexed filter.
    provider = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="received_referrals",
        verbose_name=_("provider"),
    )
    # The kind of need is a term of the needs taxonomy (a code, read in each reader's language);
    # `need` is only what the team adds in its own words.
    need = models.CharField(_("the need, in the team's words"), max_length=500, blank=True)
    need_term = models.ForeignKey(
        "directory.TaxonomyTerm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
        verbose_name=_("kind of need"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(_("the provider's outcome"), blank=True, max_length=2000)
    family_answer = models.CharField(
        _("did you get the help you needed?"), max_length=8, choices=Answer.choices, blank=True
    )
    family_answer_note = models.TextField(
        _("anything you want to add"), blank=True, max_length=2000
    )
    family_answered_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["provider", "status"], name="referral_inbox")]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self):
        return f"Referral {self.pk}"

    def get_absolute_url(self):
        return reverse("referral", args=[self.family_id, self.pk])

    @property
    def made_by(self):
        return self.author

    @property
    def is_closed(self):
        return self.status in CLOSED

    def may_be_answered_by_family(self):
        return self.status in CLOSED

    @property
    def need_label(self):
        """The kind of need in the reader's language ("" when none was chosen)."""
        if self.need_term_id is None:
            return ""
        try:
            term = self.need_term
        except ObjectDoesNotExist:  # no database constraint: a term removed by an import
            return ""
        return term.label if term is not None else ""


class SharedDetails(models.Model):
    """What the family agreed to share with the provider for this referral, and nothing more."""

    class Contact(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("E-mail")

    referral = models.OneToOneField(Referral, on_delete=models.CASCADE, related_name="shared")
    person_name = models.CharField(_("who to contact"), max_length=150)
    child_name = models.CharField(_("the child or youth"), max_length=150, blank=True)
    need = models.CharField(_("the need, as the family wants it said"), max_length=500, blank=True)
    contact_by = models.CharField(_("how to reach them"), max_length=8, choices=Contact.choices)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    best_times = models.CharField(_("best times to reach them"), max_length=200, blank=True)
    # A code (families.SpokenLanguage), shown in each reader's language.
    language = models.CharField(_("language"), max_length=40, choices=SpokenLanguage.choices)
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    no_phone_calls = models.BooleanField(_("please do not call"), default=False)
    no_voicemail = models.BooleanField(_("please do not leave voicemail"), default=False)
    other_preferences = models.CharField(_("other wishes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("what the family shares")
        verbose_name_plural = _("what families share")

    def __str__(self):
        return f"Shared details of referral {self.referral_id}"


class ReferralEvent(models.Model):
    """One change of a referral's status: who, when, from, to, why and a note."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=14, choices=Reason.choices, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.referral_id}: {self.from_status} → {self.to_status}"


class ReferralNotice(models.Model):
    """An in-app notice to the person who made a referral that it changed (no case details)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referral_notices"
    )
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="notices")
    event = models.ForeignKey(ReferralEvent, on_delete=models.CASCADE, null=True, related_name="+")
    kind = models.CharField(max_length=20, default="status")  # "status", "overdue", "escalated"
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "seen_at"], name="referral_notice_unseen")]

    def __str__(self):
        return f"Notice {self.pk} for {self.user_id}"


class UnmetNeed(models.Model):
    """A need no service met: counted for collaboratives, never naming a family or a person.

    Deliberately without a family: the county, the kind of need, the barrier and the date are
    all it keeps, so a count can never be traced back.
    """

    class Barrier(models.TextChoices):
        NO_SERVICE = "no-service", _("No service fits")
        NO_CAPACITY = Reason.NO_CAPACITY.value, Reason.NO_CAPACITY.label
        NOT_ELIGIBLE = Reason.NOT_ELIGIBLE.value, Reason.NOT_ELIGIBLE.label
        LANGUAGE = Reason.LANGUAGE.value, Reason.LANGUAGE.label
        TRANSPORT = Reason.TRANSPORT.value, Reason.TRANSPORT.label
        COST = Reason.COST.value, Reason.COST.label

    county = models.ForeignKey(
        "accounts.County", on_delete=models.PROTECT, null=True, related_name="+"
    )
    need_term = models.ForeignKey(
        "directory.TaxonomyTerm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
    )
    barrier = models.CharField(_("barrier"), max_length=14, choices=Barrier.choices)
    recorded_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-recorded_on", "-id"]
        indexes = [models.Index(fields=["county", "barrier"], name="unmet_need_count")]

    def __str__(self):
        return f"Unmet need {self.pk}"
