"""The access policy's rules as SQL filters, for querysets of families and case records.

Each filter starts from the user's memberships: PostgreSQL and SQLite plan
"family_id IN (the user's memberships)" as index lookups from the membership table. Emergency
grants join in only for the few staff allowed to break the glass. `policy.can_read_record`
says the same for one record in hand.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value

from .categories import DataCategory
from .policy import (
    _model,
    _signed_in,
    emergency_families,
    medical_emergency_families,
    membership_for,
)


def _my_memberships(user):
    Membership = _model("teams.Membership")
    return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)


def visible_families(queryset, user, field="pk"):
    """The rows of `queryset` (families, or anything with `field` pointing to a family)
    that belong to families the user sees."""
    if not _signed_in(user):
        return queryset.none()
    emergency = emergency_families(user)
    mine = _my_memberships(user).values("team__family_id")
    if emergency:
        ids = set(mine.values_list("team__family_id", flat=True)) | emergency
        return queryset.filter(**{f"{field}__in": sorted(ids)})
    return queryset.filter(**{f"{field}__in": mine})


def readable_q(user, family_id=None):
    """The condition "case records this user may read" (membership, category, consent,
    authorship and family) as one SQL filter, or None when the user may read none.

    With `family_id`, only that family's records, checked against that one membership.
    """
    if not _signed_in(user):
        return None
    if family_id is not None:
        return _readable_in_one_family(user, family_id)
    mine = _my_memberships(user)
    Membership = _model("teams.Membership")
    as_family = Exists(
        mine.filter(role__in=Membership.FAMILY_ROLES, team__family_id=OuterRef("family_id"))
    )
    through_my_organization = Exists(
        mine.filter(
            team__family_id=OuterRef("family_id"),
            organization_id=OuterRef("consent__recipient_organization_id"),
        )
    )
    allowed = Q(family_id__in=mine.values("team__family_id")) & (
        as_family | _not_protected_for(user, through_my_organization)
    )
    emergency = emergency_families(user)
    if emergency:
        allowed |= _emergency_q(emergency, medical_emergency_families(user))
    return allowed


def _emergency_q(family_ids, medical_ids):
    """Records under emergency access: everything of a medical emergency's family; elsewhere
    all but substance-use records."""
    medical = sorted(medical_ids)
    other = sorted(set(family_ids) - set(medical_ids))
    without_part2 = Q(family_id__in=other) & ~Q(category=DataCategory.SUBSTANCE_USE)
    if not medical:
        return without_part2
    if not other:
        return Q(family_id__in=medical)
    return Q(family_id__in=medical) | without_part2


def _readable_in_one_family(user, family_id):
    membership = membership_for(user, family_id)
    if membership is None:
        if family_id not in emergency_families(user):
            return None
        return Q(family_id=family_id) & _emergency_q(
            {family_id}, medical_emergency_families(user) & {family_id}
        )
    if membership.is_family:
        return Q(family_id=family_id)
    organization = Q(consent__recipient_organization_id=membership.organization_id)
    if membership.organization_id is None:
        organization = Q(pk__in=[])
    return Q(family_id=family_id) & _not_protected_for(user, organization)


def _not_protected_for(user, through_my_organization):
    """General records, the user's own writing, or a category an active consent shares with
    the user (by name, through their membership's organization, or with the whole team)."""
    ConsentCategory = _model("consent.ConsentCategory")
    names_me = (
        Q(consent__recipient_kind="team")
        | Q(consent__recipient_kind="person", consent__recipient_user=user)
        | Q(consent__recipient_kind="organization") & through_my_organization
    )
    consented = (
        ConsentCategory.objects.in_force()
        .filter(family_id=OuterRef("family_id"), category=OuterRef("category"))
        .filter(names_me)
    )
    return Q(category=DataCategory.GENERAL) | Q(author=user) | Exists(consented)


def readable_records(queryset, user, family_id=None):
    """The case records of `queryset` this user may read (see `readable_q`)."""
    allowed = readable_q(user, family_id)
    if allowed is None:
        return queryset.none()
    return queryset.filter(allowed)


def with_readability(queryset, user, family_id=None):
    """Annotate each case record with `readable`: for pages that list a record whose
    existence is not protected (a meeting) but whose content may be (its notes)."""
    allowed = readable_q(user, family_id)
    expression = (
        ExpressionWrapper(allowed, output_field=BooleanField()) if allowed else Value(False)
    )
    return queryset.annotate(readable=expression)


def received_referrals(queryset, user):
    """Referrals sent to services the user's organization runs: the provider relation.

    The provider is not on the family's team; this hands over the referral rows only, and
    pages show of them nothing but what the family shared (no draft is ever sent).
    """
    if not _signed_in(user) or user.organization_id is None:
        return queryset.none()
    return queryset.filter(provider_id=user.organization_id).exclude(status="draft")
