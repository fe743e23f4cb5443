"""Invitations: how a member without an account creates one and joins the team."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.accounts.models import hash_secret


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        """Not used, not replaced, not expired, for someone still on (or waiting for) the team."""
        return self.filter(
            membership__status__in=["proposed", "active"],
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """A way for a member without an account to create one and join: an e-mailed link, or a
    printed letter with a short code. Only hashes are stored; a new one replaces the old."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mailed link")
        LETTER = "letter", _("Printed letter with a code")

    # Letter codes are typed from paper: no 0/O, 1/I/L, 5/S or 2/Z to mix up.
    CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
    CODE_LENGTH = 8

    membership = models.ForeignKey(
        "teams.Membership", on_delete=models.CASCADE, related_name="invitations"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.EMAIL)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, blank=True, db_index=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    def __str__(self):
        return f"Invitation for {self.membership_id}"

    @classmethod
    def issue(cls, membership, days=14, *, kind=Kind.EMAIL, sent_by=None):
        """Replace any open invitation of the member with a new one: the old link or code
        stops working. Returns (invitation, token); for a letter the token is its code."""
        now = timezone.now()
        cls.objects.filter(membership=membership).usable().update(revoked_at=now)
        token = secrets.token_urlsafe(32)
        code = ""
        if kind == cls.Kind.LETTER:
            code = "".join(secrets.choice(cls.CODE_ALPHABET) for _ in range(cls.CODE_LENGTH))
        invitation = cls.objects.create(
            membership=membership,
            kind=kind,
            token_hash=hash_secret(token),
            code_hash=hash_secret(code) if code else "",
            sent_by=sent_by,
            sent_at=now,
            expires_at=now + timezone.timedelta(days=days),
        )
        return invitation, code or token

    @classmethod
    def find(cls, token):
        return (
            cls.objects.usable()
            .select_related("membership__team__family")
            .filter(kind=cls.Kind.EMAIL, token_hash=hash_secret(token))
            .first()
        )

    @classmethod
    def normalize_code(cls, typed):
        """What the person typed, as stored: capitals, without spaces or dashes."""
        return "".join(ch for ch in (typed or "").upper() if ch.isalnum())

    @classmethod
    def find_by_code(cls, typed):
        code = cls.normalize_code(typed)
        if len(code) != cls.CODE_LENGTH:
            return None
        return (
            cls.objects.usable()
            .select_related("membership__team__family")
            .filter(kind=cls.Kind.LETTER, code_hash=hash_secret(code))
            .first()
        )

    @staticmethod
    def format_code(code):
        """ABCD-EFGH: easier to read aloud and to copy from paper."""
        return f"{code[:4]}-{code[4:]}"
