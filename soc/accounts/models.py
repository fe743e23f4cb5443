"""People who sign in, the organizations they work for, and the counties those organizations serve."""

import csv
import hashlib
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COUNTIES_CSV = Path(__file__).parent / "data" / "nc_counties.csv"


def hash_secret(secret: str) -> str:
    """Tokens are stored only as their SHA-256: a stolen database holds no usable token."""
    return hashlib.sha256(secret.encode()).hexdigest()


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


class County(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    fips = models.CharField(_("FIPS code"), max_length=5, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self):
        return self.name

    @classmethod
    def load_north_carolina(cls):
        """Create any of North Carolina's 100 counties that are missing (idempotent)."""
        with COUNTIES_CSV.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        have = set(cls.objects.values_list("fips", flat=True))
        cls.objects.bulk_create(
            [cls(fips=r["fips"], name=r["name"]) for r in rows if r["fips"] not in have]
        )


class Organization(models.Model):
    class Kind(models.TextChoices):
        SOCIAL_SERVICES = "social_services", _("County social services")
        LME_MCO = "lme_mco", _("LME/MCO")
        SCHOOL = "school", _("School or school district")
        JUVENILE_JUSTICE = "juvenile_justice", _("Juvenile justice")
        HEALTH_DEPARTMENT = "health_department", _("Health department")
        PROVIDER = "provider", _("Community provider")
        FAMILY_ORGANIZATION = "family_organization", _("Family organization")
        FAITH = "faith", _("Faith community")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    counties = models.ManyToManyField(
        County, related_name="organizations", verbose_name=_("counties served")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in: agency staff (with an organization), family members and natural supports.

    Being a superuser or an organization administrator grants account management only;
    seeing a family always needs membership on its team (see consent.policy).
    """

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.ENGLISH
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("organization"),
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    is_org_admin = models.BooleanField(_("organization administrator"), default=False)
    can_use_emergency_access = models.BooleanField(
        _("may use emergency access"),
        default=False,
        help_text=_(
            "Lets this staff member open a family they are not on the team of for 24 hours, with a reason."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the account admin"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    calendar_feed_hash = models.CharField(max_length=64, blank=True, db_index=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def works_for_an_organization(self):
        return self.organization_id is not None

    def new_calendar_feed(self) -> str:
        """Issue a new secret feed token (the old feed URL stops working) and return it once."""
        token = secrets.token_urlsafe(32)
        self.calendar_feed_hash = hash_secret(token)
        self.save(update_fields=["calendar_feed_hash"])
        return token

    def revoke_calendar_feed(self):
        self.calendar_feed_hash = ""
        self.save(update_fields=["calendar_feed_hash"])


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def find(self, token: str):
        return (
            self.active()
            .select_related("user__organization")
            .filter(key_hash=hash_secret(token))
            .first()
        )


class ApiToken(models.Model):
    """A personal token for the JSON API. Only its hash is kept; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    label = models.CharField(_("label"), max_length=80)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.label} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, label) -> tuple["ApiToken", str]:
        secret = "soc_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, label=label, prefix=secret[:10], key_hash=hash_secret(secret)
        )
        return token, secret

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
