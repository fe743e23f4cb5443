"""Trainings and events offered by a collaborative or a family organization: who leads them
(family members and youth marked), who registers, who came."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.families.models import SpokenLanguage

from . import rules


class Audience(models.TextChoices):
    FAMILIES = "families", _("Families")
    YOUTH = "youth", _("Youth")
    PROFESSIONALS = "professionals", _("Professionals")
    EVERYONE = "everyone", _("Everyone")


class LivedExperience(models.TextChoices):
    NONE = "", _("No lived-experience mark")
    FAMILY = "family", _("Family member")
    YOUTH = "youth", _("Youth")


class TrainingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).exclude(status=Training.Status.CANCELLED)

    def visible_to(self, user):
        """Public ones for everyone; members-only ones for members (soc.trainings.rules)."""
        return rules.visible_trainings(self, user)


class Training(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held")

    collaborative = models.ForeignKey(
        "collaboratives.Collaborative",
        verbose_name=_("offered by (collaborative)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("offered by (family organization)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is about"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    county = models.ForeignKey(
        "accounts.County",
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for an online or statewide event."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    languages = models.JSONField(_("languages offered"), default=list)
    audience = models.CharField(_("who it is for"), max_length=20, choices=Audience.choices)
    capacity = models.PositiveIntegerField(_("number of places"))
    is_public = models.BooleanField(_("open to the public"), default=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("training or event")
        verbose_name_plural = _("trainings and events")
        constraints = [
            models.CheckConstraint(
                condition=Q(collaborative__isnull=True, organization__isnull=False)
                | Q(collaborative__isnull=False, organization__isnull=True),
                name="training_has_one_host",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="training_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_has_a_place"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training", args=[self.pk])

    @property
    def host(self):
        return self.collaborative or self.organization

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def language_names(self):
        names = dict(SpokenLanguage.choices)
        return [names.get(code, code) for code in self.languages]

    def lived_experience_marks(self):
        """ "family" and/or "youth": who co-leads it with lived experience (uses the prefetch)."""
        return sorted({f.lived_experience for f in self.facilitators.all() if f.lived_experience})

    def taken(self):
        return self.registrations.filter(status=Registration.Status.REGISTERED).count()

    def is_full(self):
        return self.taken() >= self.capacity

    def is_open_for_registration(self):
        return self.status == self.Status.SCHEDULED and self.ends_at > timezone.now()


class CoFacilitator(models.Model):
    """Someone who leads the training with others: an account or just a name."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="facilitators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    lived_experience = models.CharField(
        _("lived experience"),
        max_length=10,
        choices=LivedExperience.choices,
        blank=True,
        default=LivedExperience.NONE,
    )

    class Meta:
        ordering = ["training", "id"]
        verbose_name = _("co-facilitator")
        verbose_name_plural = _("co-facilitators")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="cofacilitator_has_a_name"
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.user.full_name if self.user_id else self.name


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.REGISTERED, Status.WAITLISTED)

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language you prefer"), max_length=8, choices=SpokenLanguage.choices, default="en"
    )
    needs_interpreter = models.BooleanField(_("I need an interpreter"), default=False)
    accommodation = models.CharField(
        _("anything else you need to take part"), max_length=500, blank=True
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    attended = models.BooleanField(_("came"), null=True, blank=True)
    # Where the request came from, hashed: only for the rate limit, never shown.
    source = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["training", "created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone="") | Q(user__isnull=False),
                name="registration_can_be_reached",
            ),
            models.UniqueConstraint(
                fields=["training", "email"],
                condition=~Q(email="") & ~Q(status="cancelled"),
                name="registration_once_per_email",
            ),
            models.UniqueConstraint(
                fields=["training", "phone"],
                condition=~Q(phone="") & ~Q(status="cancelled"),
                name="registration_once_per_phone",
            ),
            models.UniqueConstraint(
                fields=["training", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="registration_once_per_account",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.status in self.ACTIVE
