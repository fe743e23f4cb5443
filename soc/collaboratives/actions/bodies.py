"""Setting up collaboratives and their seats."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Collaborative, Seat, SeatTerm
from .base import audit, require

STATE_RULES = {"needs_family_co_chair": True, "family_voting_share": 25}
LEVEL_OF_KIND = {Collaborative.Kind.STATE: Collaborative.Level.STATE}


RESERVED_SLUGS = {"new", "partnership", "recommendations", "barriers"}  # pages of their own


def _check_shape(body):
    K = Collaborative.Kind
    if body.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("This short name is taken: choose another.")})
    if body.kind == K.WORK_GROUP:
        if body.parent is None:
            raise ValidationError({"parent": _("A work group is part of another body.")})
        body.level = body.parent.level
    elif body.parent is not None:
        raise ValidationError({"parent": _("Only a work group is part of another body.")})
    elif body.kind == K.STATE:
        body.level = Collaborative.Level.STATE
        if Collaborative.objects.state().exclude(pk=body.pk).exists():
            raise ValidationError({"kind": _("There is already a State Collaborative.")})
    else:
        body.level = Collaborative.Level.LOCAL


@transaction.atomic
def create_collaborative(user, *, counties=(), request=None, **fields):
    """A new body. The State Collaborative starts with its default rules: a family co-chair and
    at least a quarter of voting seats held by family members and youth."""
    require(user, "set_up_collaborative")
    body = Collaborative(**fields)
    if body.kind == Collaborative.Kind.STATE:
        for name, value in STATE_RULES.items():
            if name not in fields:
                setattr(body, name, value)
    _check_shape(body)
    body.full_clean(exclude=["level"])
    body.save()
    body.counties.set(counties)
    audit(user, "collaborative.create", body, request)
    return body


@transaction.atomic
def change_collaborative(user, body, *, counties=None, request=None, **fields):
    require(user, "change_collaborative", body)
    for name, value in fields.items():
        setattr(body, name, value)
    _check_shape(body)
    body.full_clean(exclude=["level"])
    body.save()
    if counties is not None:
        body.counties.set(counties)
    audit(user, "collaborative.change", body, request)
    return body


@transaction.atomic
def add_seat(user, body, *, request=None, **fields):
    require(user, "manage_seats", body)
    seat = Seat(collaborative=body, **fields)
    seat.full_clean(exclude=["collaborative"])
    seat.save()
    audit(user, "seat.add", seat, request)
    return seat


@transaction.atomic
def fill_seat(actor, seat, *, starts_on, ends_on=None, request=None, **holder):
    """Put someone in a seat for a term; refused if someone else holds it on any of those dates."""
    require(actor, "manage_seats", seat.collaborative)
    Seat.objects.select_for_update().get(pk=seat.pk)  # two fillings of one seat take turns
    term = SeatTerm(seat=seat, starts_on=starts_on, ends_on=ends_on, **holder)
    if not term.user_id and not term.name.strip():
        raise ValidationError({"name": _("Choose an account or write the person's name.")})
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The term must end after it starts.")})
    if seat.terms.overlapping(starts_on, ends_on).exists():
        raise ValidationError(
            {"starts_on": _("Someone else holds this seat on some of these dates.")}
        )
    term.full_clean(exclude=["seat"])
    term.save()
    audit(actor, "seat.fill", term, request)
    return term


@transaction.atomic
def end_term(user, term, *, ends_on, request=None):
    require(user, "manage_seats", term.seat.collaborative)
    if ends_on < term.starts_on:
        raise ValidationError({"ends_on": _("The term must end after it starts.")})
    if term.seat.terms.exclude(pk=term.pk).overlapping(term.starts_on, ends_on).exists():
        raise ValidationError(
            {"ends_on": _("Someone else holds this seat on some of these dates.")}
        )
    term.ends_on = ends_on
    term.save(update_fields=["ends_on"])
    audit(user, "seat.end_term", term, request)
    return term
