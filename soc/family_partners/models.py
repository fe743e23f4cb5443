"""A family's request to be connected with a family partner, and what the partner did with it.

The request is not a case record: it is written by someone the platform does not know yet,
and it belongs to no family until a family partner links it, with the family's consent. Only
staff of the family organizations it was routed to see it (consent/requests.py says so).
"""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.consent.requests import family_requests_for

# The fields that say who the family is and how to reach it: erased when the retention
# period ends for a request that was never linked to a family's record.
CONTACT_FIELDS = ("name", "phone", "email", "best_times", "zip_code", "in_their_words")


class Help(models.TextChoices):
    SCHOOL = "school", _("School problems")
    BEHAVIOR = "behavior", _("My child's feelings or behavior")
    SERVICES = "services", _("Finding services")
    MEETINGS = "meetings", _("Meetings with agencies")
    COURT = "court", _("Court or juvenile justice")
    DSS = "dss", _("Social services (DSS)")
    TALK = "talk", _("Talking with a parent who has been there")
    OTHER = "other", _("Something else")


class Way(models.TextChoices):
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")
    EMAIL = "email", _("E-mail")


class FamilyRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Requests routed to the user's family organization (the family partner's inbox)."""
        return family_requests_for(self, user)

    def open(self):
        return self.exclude(status=FamilyRequest.Status.CLOSED)


class FamilyRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CLAIMED = "claimed", _("Claimed")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        HELPED = "helped", _("Helped")
        REFERRED = "referred", _("Referred elsewhere")
        UNREACHABLE = "unreachable", _("Could not reach")
        DECLINED = "declined", _("Family declined")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")
        OTHER = "other", _("Another language")

    class ConsentMethod(models.TextChoices):
        VERBAL = "verbal", _("Said yes in person")
        PHONE = "phone", _("Said yes on the phone")
        WRITTEN = "written", _("Signed or wrote yes")

    # What the family wrote.
    name = models.CharField(_("what to call you"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    ways = models.JSONField(_("how to reach you"), default=list, blank=True)
    safe_to_leave_message = models.BooleanField(_("safe to leave a message"), default=False)
    best_times = models.CharField(_("best times"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    language_other = models.CharField(_("other language"), max_length=60, blank=True)
    interpreter = models.BooleanField(_("wants an interpreter"), default=False)
    county = models.ForeignKey(
        "accounts.County", on_delete=models.PROTECT, related_name="+", verbose_name=_("county")
    )
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    help_with = models.JSONField(_("help with"), default=list, blank=True)
    in_their_words = models.TextField(_("in your words"), max_length=2000, blank=True)
    agreed_to_contact = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Where it went: the family organizations serving the county, or the statewide fallback.
    organizations = models.ManyToManyField(
        "accounts.Organization", related_name="family_requests", verbose_name=_("sent to")
    )
    sent_to_fallback = models.BooleanField(_("no organization serves the county"), default=False)
    flagged_at = models.DateTimeField(null=True, blank=True)  # unclaimed after 2 business days
    # What the family partner did.
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    version = models.PositiveIntegerField(default=1)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    close_note = models.TextField(_("note"), max_length=2000, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The family's consent to link the request to its record and team.
    consent_given_by = models.CharField(_("who said yes"), max_length=120, blank=True)
    consent_method = models.CharField(
        _("how"), max_length=8, choices=ConsentMethod.choices, blank=True
    )
    consent_given_at = models.DateTimeField(_("when"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    family = models.ForeignKey(
        "families.Family",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner_requests",
    )
    linked_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # A keyed hash of the sender's address, for the rate limit only (erased with the rest).
    address_hash = models.CharField(max_length=64, blank=True, db_index=True)

    objects = FamilyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Family request {self.pk}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("family_request", args=[self.pk])

    @cached_property
    def organization_ids(self):
        """The organizations it was routed to (the policy's relation reads this)."""
        return frozenset(o.pk for o in self.organizations.all())

    @cached_property
    def waiting(self):
        """'overdue' when nobody has claimed it in 2 business days (the inbox's flag)."""
        from .followups import waiting_state  # followups acts on these models

        return waiting_state(self)

    def has_consent(self):
        return bool(self.consent_given_at and self.consent_method and self.consent_given_by)

    def is_closed(self):
        return self.status == self.Status.CLOSED

    def help_labels(self):
        return [Help(h).label for h in self.help_with if h in Help.values]

    def way_labels(self):
        return [Way(w).label for w in self.ways if w in Way.values]


class ContactAttempt(models.Model):
    class Method(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("E-mail")
        IN_PERSON = "in_person", _("In person")

    class Result(models.TextChoices):
        REACHED = "reached", _("Talked with the family")
        MESSAGE = "message", _("Left a message")
        NO_ANSWER = "no_answer", _("No answer")
        WRONG = "wrong", _("Wrong number or address")

    request = models.ForeignKey(FamilyRequest, on_delete=models.CASCADE, related_name="attempts")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    result = models.CharField(_("what happened"), max_length=10, choices=Result.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"Attempt {self.pk} on request {self.request_id}"


class RequestNotice(models.Model):
    """An in-app notice to a family partner: a family asked for help (no details in it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="family_request_notices"
    )
    request = models.ForeignKey(FamilyRequest, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=12, default="new")  # "new" or "overdue"
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "seen_at"], name="family_request_notice_unseen")]

    def __str__(self):
        return f"Notice {self.pk} for {self.user_id}"
