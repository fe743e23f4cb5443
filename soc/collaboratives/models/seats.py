"""Seats on a collaborative and the terms of those who hold them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .body import Collaborative


class SeatType(models.TextChoices):
    FAMILY = "family", _("Family member")
    YOUTH = "youth", _("Youth")
    AGENCY = "agency", _("Agency")
    COMMUNITY_PARTNER = "community_partner", _("Community partner")
    PROVIDER = "provider", _("Provider")
    SCHOOL = "school", _("School")
    COURT = "court", _("Court")
    FAITH = "faith", _("Faith community")
    ADVOCATE = "advocate", _("Advocate")
    OTHER = "other", _("Other")


FAMILY_SEAT_TYPES = (SeatType.FAMILY, SeatType.YOUTH)


class Office(models.TextChoices):
    NONE = "", _("Member")
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    SECRETARY = "secretary", _("Secretary")


CHAIRS = (Office.CHAIR, Office.CO_CHAIR)


class Seat(models.Model):
    collaborative = models.ForeignKey(Collaborative, on_delete=models.CASCADE, related_name="seats")
    seat_type = models.CharField(_("seat type"), max_length=20, choices=SeatType.choices)
    label = models.CharField(_("seat name"), max_length=120, blank=True)
    is_reserved = models.BooleanField(_("reserved for this seat type"), default=False)
    is_voting = models.BooleanField(_("voting seat"), default=True)

    class Meta:
        ordering = ["collaborative", "id"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self):
        return self.label or self.get_seat_type_display()

    @property
    def is_family(self):
        return self.seat_type in FAMILY_SEAT_TYPES


class SeatTermQuerySet(models.QuerySet):
    def on(self, day=None):
        """Terms running on `day` (today by default)."""
        day = day or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)

    def overlapping(self, starts_on, ends_on):
        found = self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
        return found if ends_on is None else found.filter(starts_on__lte=ends_on)


class SeatTerm(models.Model):
    """One person in one seat from a date to a date (open-ended when still serving)."""

    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="terms")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seat_terms",
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    office = models.CharField(
        _("office"), max_length=12, choices=Office.choices, blank=True, default=Office.NONE
    )
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"), null=True, blank=True)

    objects = SeatTermQuerySet.as_manager()

    class Meta:
        ordering = ["seat", "starts_on"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="collab_term_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="collab_term_has_a_holder"
            ),
        ]

    def __str__(self):
        return self.holder_name

    @property
    def holder_name(self):
        return self.user.full_name if self.user_id else self.name

    @property
    def is_chair(self):
        return self.office in CHAIRS
