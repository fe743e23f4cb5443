"""Giving and taking back consent, and emergency access: validate, write, audit, notify."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record

from . import policy
from .categories import PROTECTED, DataCategory
from .models import Consent, EmergencyAccess

EMERGENCY_HOURS = 24


def _youth_consent_age():
    return settings.SOC_YOUTH_CONSENT_AGE


def _validate(consent, family):
    """All the checks, including every element 42 CFR Part 2 requires of a substance-use consent."""
    errors = {}
    today = timezone.localdate()
    person = consent.granted_by
    if person is None or person.family_id != family.pk:
        errors["granted_by"] = _("Please choose who in the family gives consent.")
    elif person.role == person.Role.CHILD or (
        person.role == person.Role.YOUTH and (person.age() or 0) < _youth_consent_age()
    ):
        errors["granted_by"] = _(
            "Only a caregiver, a guardian, or a youth aged %(age)s or older can give consent."
        ) % {"age": _youth_consent_age()}
    categories = list(dict.fromkeys(consent.categories or []))
    if not categories or not set(categories) <= PROTECTED:
        errors["categories"] = _("Please choose at least one kind of information.")
    consent.categories = categories
    kind = consent.recipient_kind
    if kind == Consent.Recipient.PERSON:
        member = (
            apps.get_model("teams", "Membership")
            .objects.filter(team__family=family, user=consent.recipient_user, status="active")
            .first()
            if consent.recipient_user_id
            else None
        )
        if member is None:
            errors["recipient_user"] = _("Please choose a person who is on the team now.")
        else:
            consent.recipient_label = member.name
    elif kind == Consent.Recipient.ORGANIZATION:
        if consent.recipient_organization_id is None:
            errors["recipient_organization"] = _("Please choose an organization.")
        else:
            consent.recipient_label = consent.recipient_organization.name
    elif kind == Consent.Recipient.TEAM:
        consent.recipient_label = "team"
    else:
        errors["recipient_kind"] = _("Please choose who may see the information.")
    if consent.purpose == Consent.Purpose.OTHER and not consent.purpose_other.strip():
        errors["purpose_other"] = _("Please describe the purpose in words.")
    if consent.purpose not in Consent.Purpose.values:
        errors["purpose"] = _("Please choose a purpose.")
    if not consent.expires_on:
        errors["expires_on"] = _("A consent must have an end date.")
    elif consent.starts_on and consent.expires_on < consent.starts_on:
        errors["expires_on"] = _("The end date must be after the start date.")
    elif consent.expires_on < today:
        errors["expires_on"] = _("The end date cannot be in the past.")
    if not consent.signed_name.strip():
        errors["signed_name"] = _("Please type the name of the person signing.")
    if consent.signed_on and consent.signed_on > today:
        errors["signed_on"] = _("The date signed cannot be in the future.")
    if consent.signature_method not in Consent.Method.values:
        errors["signature_method"] = _("Please say how the consent was signed.")
    if DataCategory.SUBSTANCE_USE in categories:
        # 42 CFR 2.31: who discloses, to whom, what, why, until when, and the right to revoke.
        if not consent.discloser.strip():
            errors["discloser"] = _("A substance use consent must name who shares the information.")
        if not consent.right_to_revoke_explained:
            errors["right_to_revoke_explained"] = _(
                "A substance use consent must say that it can be taken back at any time."
            )
    elif not consent.discloser.strip():
        errors["discloser"] = _("Please say who shares the information.")
    if errors:
        raise ValidationError(errors)


def give_consent(user, family, fields, request=None):
    """Record a consent. A refused one (expired, incomplete, naming a removed member) is
    recorded too, with the fields that were wrong, after its transaction rolled back."""
    try:
        return _give_consent(user, family, fields, request)
    except ValidationError as error:
        problems = sorted(error.message_dict) if hasattr(error, "error_dict") else ["__all__"]
        record(
            user,
            "consent.refused",
            ("consent.consent", ""),
            family_id=family.pk,
            request=request,
            detail={"fields": problems},
        )
        raise


@transaction.atomic
def _give_consent(user, family, fields, request):
    policy.require(user, "give_or_record_consent", family)
    membership = policy.membership_for(user, family.pk)
    consent = Consent(family=family, recorded_by=user, **fields)
    consent.signed_on = consent.signed_on or timezone.localdate()
    consent.starts_on = consent.starts_on or timezone.localdate()
    if membership.is_family and consent.granted_by_id and consent.granted_by.user_id != user.pk:
        # Family members sign for themselves; staff may record a signature given in person.
        raise ValidationError({"granted_by": _("You can only give consent in your own name.")})
    if not membership.is_family and consent.signature_method != Consent.Method.IN_PERSON:
        raise ValidationError(
            {"signature_method": _("Staff can only record a consent the family signed in person.")}
        )
    _validate(consent, family)
    consent.save()
    record(
        user,
        "consent.give",
        consent,
        family_id=family.pk,
        request=request,
        detail={"categories": consent.categories, "recipient": consent.recipient_kind},
    )
    policy.forget_access(user)
    return consent


@transaction.atomic
def revoke_consent(user, consent, request=None):
    """Taking back consent works at once: the policy reads revoked_at on every request."""
    if not policy.can(user, "revoke_consent", consent):
        raise PermissionDenied
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.is_revoked:
        raise ValidationError(_("This consent was already taken back."), code="revoked")
    consent.revoked_at = timezone.now()
    consent.revoked_by = user
    consent.save(update_fields=["revoked_at", "revoked_by"])
    record(user, "consent.revoke", consent, family_id=consent.family_id, request=request)
    return consent


def substance_use_programs(family):
    """The programs that hold this family's substance-use records: the ones its Part 2 consents
    name as sharing them, and the organizations of the people who wrote such records."""
    from .records import CaseRecord

    names = set(
        Consent.objects.filter(
            family=family, category_rows__category=DataCategory.SUBSTANCE_USE
        ).values_list("discloser", flat=True)
    )
    for model in apps.get_models():
        if issubclass(model, CaseRecord):
            names |= set(
                model.objects.filter(
                    family=family,
                    category=DataCategory.SUBSTANCE_USE,
                    author__organization__isnull=False,
                ).values_list("author__organization__name", flat=True)
            )
    return sorted(n for n in names if n)


@transaction.atomic
def open_in_emergency(user, family, reason, request=None, *, medical=False):
    """Break-glass access for 24 hours; the family and the facilitator are told.

    Substance-use records open only when `medical`: the user states a bona fide medical
    emergency (42 CFR 2.51). The grant then records who, when, which programs' records and
    the nature of the emergency, as that section asks.
    """
    from . import notifications

    if not policy.can(user, "open_in_emergency", family):
        raise PermissionDenied
    if len(reason.strip()) < 10:
        raise ValidationError({"reason": _("Please explain the emergency in a sentence.")})
    organization = user.organization
    grant = EmergencyAccess.objects.create(
        family=family,
        user=user,
        reason=reason.strip(),
        medical_emergency=bool(medical),
        recipient_name=user.full_name,
        recipient_affiliation=organization.name if organization else "",
        disclosing_programs=substance_use_programs(family) if medical else [],
        expires_at=timezone.now() + timedelta(hours=EMERGENCY_HOURS),
    )
    record(
        user,
        "emergency.open",
        grant,
        family_id=family.pk,
        request=request,
        reason=grant.reason,
        detail={
            "emergency": True,
            "medical": grant.medical_emergency,
            "programs": grant.disclosing_programs,
        },
    )
    policy.forget_access(user)
    notifications.emergency_access_used(grant)
    return grant
