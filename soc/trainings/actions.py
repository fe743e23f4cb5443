"""Every change to a training goes through one function here: check, write, audit, notify,
in one transaction. Pages and the API call the same functions."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.accounts.models import Organization
from soc.addresses import client_address
from soc.audit.log import record
from soc.robots import address_key
from soc.versioning import lock_for_content_edit, save_new_version

from . import notifications, rules
from .models import CoFacilitator, Registration, Training

# Registrations from one address in an hour, across all trainings: enough for a family
# registering a few people, too few for a script.
RATE_LIMIT = 5
RATE_WINDOW = timedelta(hours=1)
TRAINING_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "county",
    "place",
    "online_link",
    "languages",
    "audience",
    "capacity",
    "is_public",
    "status",
)


class TooManyRegistrations(ValidationError):
    """Too many registrations from one address in a short time."""


def require(user, action, obj):
    if not rules.can(user, action, obj):
        raise PermissionDenied


def _check(training):
    if training.organization_id and (
        training.organization.kind != Organization.Kind.FAMILY_ORGANIZATION
    ):
        raise ValidationError(
            {"organization": _("Only a collaborative or a family organization offers trainings.")}
        )
    if training.starts_at and training.ends_at and training.ends_at <= training.starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    if not training.place.strip() and not training.online_link:
        raise ValidationError({"place": _("Write a place, an online link, or both.")})
    if not training.languages:
        raise ValidationError({"languages": _("Choose at least one language.")})
    training.full_clean(exclude=["created_by"])


@transaction.atomic
def create_training(user, host, *, request=None, **fields):
    """A new training offered by `host`: a collaborative or a family organization."""
    require(user, "offer_training", host)
    training = Training(created_by=user, **fields)
    if isinstance(host, Organization):
        training.organization = host
    else:
        training.collaborative = host
    _check(training)
    training.save()
    record(user, "training.create", training, request=request)
    return training


@transaction.atomic
def change_training(user, training, *, version, request=None, **fields):
    """Change what, when or where; refused (409) if someone saved it since `version`. More
    places go to the first on the waitlist, in order, who are told."""
    require(user, "organize_training", training)
    # No select_related: PostgreSQL will not lock the nullable side of an outer join.
    training = lock_for_content_edit(Training.objects, training.pk, version)
    unknown = set(fields) - set(TRAINING_FIELDS)
    if unknown:
        raise ValidationError({name: _("This cannot be changed here.") for name in unknown})
    was_cancelled, had_places = training.is_cancelled, training.capacity
    for name, value in fields.items():
        setattr(training, name, value)
    _check(training)
    save_new_version(training, list(fields))
    record(user, "training.change", training, request=request)
    if training.is_cancelled and not was_cancelled:  # the form posts the status on every save
        notifications.training_cancelled(training)
    if training.capacity > had_places and training.is_open_for_registration():
        fill_from_waitlist(training, request=request)
    return training


@transaction.atomic
def add_cofacilitator(user, training, *, request=None, **fields):
    require(user, "organize_training", training)
    person = CoFacilitator(training=training, **fields)
    if not person.user_id and not person.name.strip():
        raise ValidationError({"name": _("Choose an account or write the person's name.")})
    person.full_clean(exclude=["training"])
    person.save()
    record(user, "training.cofacilitator_add", training, request=request)
    return person


@transaction.atomic
def remove_cofacilitator(user, person, *, request=None):
    require(user, "organize_training", person.training)
    training = person.training
    person.delete()
    record(user, "training.cofacilitator_remove", training, request=request)


def _source(request):
    return address_key(client_address(request), "training-registration")


def _refuse_floods(source):
    if not source:
        return
    since = timezone.now() - RATE_WINDOW
    if Registration.objects.filter(source=source, created_at__gte=since).count() >= RATE_LIMIT:
        raise TooManyRegistrations(
            _("Too many registrations from here in the last hour. Please try again later.")
        )


def _already(training, user, email, phone):
    active = training.registrations.filter(status__in=Registration.ACTIVE)
    return (
        (user is not None and active.filter(user=user).exists())
        or (email and active.filter(email__iexact=email).exists())
        or (phone and active.filter(phone=phone).exists())
    )


@transaction.atomic
def register(user, training, *, request=None, **fields):
    """A place if one is free, else the waitlist. Anyone may register for a public training
    (`user` None); a signed-in user registers with their own name and e-mail."""
    require(user, "see_training", training)
    training = Training.objects.select_for_update().get(pk=training.pk)  # one at a time
    if not training.is_open_for_registration():
        raise ValidationError(_("Registration for this training is closed."))
    signed_in = user is not None and user.is_authenticated
    if signed_in:
        fields.setdefault("name", user.full_name)
        fields.setdefault("email", user.email)
        fields.setdefault("language", user.language)
    fields["email"] = (fields.get("email") or "").strip().lower()
    fields["phone"] = (fields.get("phone") or "").strip()
    if not fields["email"] and not fields["phone"]:
        raise ValidationError({"email": _("Write an e-mail or a phone number.")})
    source = _source(request)
    _refuse_floods(source)
    person = user if signed_in else None
    if _already(training, person, fields["email"], fields["phone"]):
        raise ValidationError(_("You are already registered for this training."))
    status = (
        Registration.Status.WAITLISTED if training.is_full() else Registration.Status.REGISTERED
    )
    registration = Registration(
        training=training, user=person, status=status, source=source, **fields
    )
    registration.full_clean(exclude=["training", "user", "source"])
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same person, at the same moment, from two tabs
        raise ValidationError(_("You are already registered for this training.")) from None
    record(user if signed_in else None, "training.register", registration, request=request)
    notifications.registration_confirmed(registration)
    return registration


@transaction.atomic
def cancel_registration(user, registration, *, request=None):
    """Cancel (from the signed link, by the person themself, or by an organizer); the first on
    the waitlist gets the place and is told."""
    training = Training.objects.select_for_update().get(pk=registration.training_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if training.status == Training.Status.HELD:
        raise ValidationError(_("This training has taken place: it can no longer be cancelled."))
    if not registration.is_active:
        return registration
    had_place = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    record(user, "training.cancel_registration", registration, request=request)
    if had_place and training.is_open_for_registration():
        fill_from_waitlist(training, request=request)
    return registration


def fill_from_waitlist(training, *, request=None):
    """Give the free places to the first on the waitlist, in the order they registered, and
    tell each. The caller holds the training's row lock, inside its transaction."""
    free = training.capacity - training.taken()
    if free <= 0:
        return []
    waiting = list(training.registrations.filter(status=Registration.Status.WAITLISTED)[:free])
    for registration in waiting:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        record(None, "training.waitlist_promote", registration, request=request)
        notifications.registration_confirmed(registration, promoted=True)
    return waiting


@transaction.atomic
def record_attendance(user, training, *, attended, request=None):
    """`attended`: the ids of registrations that came; the other active ones did not. The
    training is then marked held."""
    require(user, "organize_training", training)
    training = Training.objects.select_for_update().get(pk=training.pk)
    if training.is_cancelled:
        raise ValidationError(_("This training was cancelled."))
    if training.starts_at > timezone.now():
        raise ValidationError(_("Attendance is recorded once the training has started."))
    active = training.registrations.filter(status__in=Registration.ACTIVE)
    came = set(attended)
    unknown = came - set(active.values_list("pk", flat=True))
    if unknown:
        raise ValidationError({"attended": _("Some of these people did not register.")})
    active.filter(pk__in=came).update(attended=True)
    active.exclude(pk__in=came).update(attended=False)
    if training.status != Training.Status.HELD:
        training.status = Training.Status.HELD
        training.version += 1
        training.save(update_fields=["status", "version"])
    record(user, "training.attendance", training, request=request, detail={"came": len(came)})
    return training
