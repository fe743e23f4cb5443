"""The access policy: the one place that decides who may see or change a family's information.

Querysets (`Family.objects.visible_to(user)`) and objects (`family.can(user, action)`) hand over
to this module; pages, API, feeds, exports and e-mails use those and decide nothing themselves.

Rules:
- Only the family's own members and the team's active members see anything about a family.
  Superusers and organization administrators get no case access from those flags.
- Family members always see their own records. Anyone else sees a record of a protected data
  category only when they wrote it or under an active consent that names them, their
  organization or the whole team, for that category.
- Emergency ("break-glass") access lets a staff member with that permission, not on the team,
  see a family for 24 hours after giving a reason. It is audited and shown to the family.
"""

import rules
from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from .categories import DataCategory

_CACHE_ATTR = "_soc_team_memberships"
_EMERGENCY_ATTR = "_soc_emergency_families"
_CONSENT_ATTR = "_soc_consents"


def _membership_model():
    return apps.get_model("teams", "Membership")


def memberships_of(user):
    """The user's active memberships by team id, loaded once per user object (one query)."""
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        Membership = _membership_model()
        rows = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).select_related(
            "team"
        )
        cached = {m.team_id: m for m in rows}
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_memberships(user):
    """Call after a change to the user's memberships or grants within the same request."""
    for attr in (_CACHE_ATTR, _EMERGENCY_ATTR, _CONSENT_ATTR):
        if user is not None and hasattr(user, attr):
            delattr(user, attr)


def _active_emergency(user):
    EmergencyAccess = apps.get_model("consent", "EmergencyAccess")
    return EmergencyAccess.objects.filter(user=user, expires_at__gt=timezone.now())


def emergency_families(user):
    """Family ids the user opened with emergency access that has not expired (one query)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, _EMERGENCY_ATTR, None)
    if cached is None:
        cached = frozenset(_active_emergency(user).values_list("family_id", flat=True))
        setattr(user, _EMERGENCY_ATTR, cached)
    return cached


def family_id_of(obj):
    if obj._meta.label_lower == "families.family":
        return obj.pk
    if obj._meta.label_lower == "teams.team":
        return obj.family_id
    team = getattr(obj, "team", None)
    return team.family_id if team is not None else obj.family_id


def membership_in(user, obj):
    """The user's active membership on the team that `obj` belongs to, or None."""
    if obj is None:
        return None
    mine = memberships_of(user)
    team_id = getattr(obj, "team_id", None)
    if team_id is None and obj._meta.label_lower == "teams.team":
        team_id = obj.pk
    if team_id is not None:
        return mine.get(team_id)
    family_id = obj.pk if obj._meta.label_lower == "families.family" else obj.family_id
    for membership in mine.values():
        if membership.team.family_id == family_id:
            return membership
    return None


def visible_families(queryset, user):
    if user is None or not user.is_authenticated:
        return queryset.none()
    Membership = _membership_model()
    teams = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values(
        "team__family_id"
    )
    emergency = _active_emergency(user).values("family_id")
    return queryset.filter(Q(id__in=teams) | Q(id__in=emergency))


# Predicates, named as a social worker would say them.


@rules.predicate
def is_team_member(user, obj):
    return membership_in(user, obj) is not None


@rules.predicate
def has_emergency_access(user, obj):
    return family_id_of(obj) in emergency_families(user)


@rules.predicate
def may_use_emergency_access(user, obj):
    return user.is_agency_staff and user.can_use_emergency_access


@rules.predicate
def is_family_member(user, obj):
    membership = membership_in(user, obj)
    return membership is not None and membership.is_family


@rules.predicate
def is_caregiver(user, obj):
    membership = membership_in(user, obj)
    return membership is not None and membership.role == "caregiver"


@rules.predicate
def is_facilitator(user, obj):
    membership = membership_in(user, obj)
    return membership is not None and membership.role == "facilitator"


@rules.predicate
def is_agency_staff(user, obj):
    return user.is_authenticated and user.organization_id is not None


@rules.predicate
def called_the_meeting(user, meeting):
    return meeting is not None and meeting.called_by_id == user.pk


@rules.predicate
def is_responsible_for_step(user, step):
    membership = membership_in(user, step)
    return membership is not None and step.responsible_id == membership.pk


@rules.predicate
def gave_the_consent(user, consent):
    person = getattr(consent, "granted_by", None)
    return person is not None and person.user_id == user.pk


@rules.predicate
def is_the_member(user, member):
    member_user_id = getattr(member, "user_id", None) if getattr(member, "team_id", None) else None
    return member_user_id is not None and member_user_id == user.pk


POLICY = rules.RuleSet()
POLICY.add_rule("view_family", is_team_member | has_emergency_access)
POLICY.add_rule(
    "open_in_emergency", may_use_emergency_access & ~is_team_member & ~has_emergency_access
)
POLICY.add_rule("see_consents", is_team_member)
# Caregivers give consent; a youth gives it for their own records (age checked in the action).
POLICY.add_rule("give_consent", is_family_member)
POLICY.add_rule(
    "revoke_consent", is_caregiver | is_facilitator | (is_family_member & gave_the_consent)
)
POLICY.add_rule("edit_family", is_caregiver | is_facilitator)
POLICY.add_rule("edit_people", is_caregiver | is_facilitator)
POLICY.add_rule("see_who_looked", is_family_member | is_facilitator)
# The family selects its team: caregivers invite directly, everyone else proposes.
POLICY.add_rule("invite_member", is_caregiver)
POLICY.add_rule("propose_member", is_team_member & ~is_caregiver)
POLICY.add_rule("decide_proposal", is_caregiver)
POLICY.add_rule("withdraw_proposal", is_team_member)
POLICY.add_rule("remove_member", is_caregiver | (is_team_member & is_the_member))
POLICY.add_rule("mark_required", is_team_member & is_agency_staff)
POLICY.add_rule("convene_meeting", is_team_member)
POLICY.add_rule("change_meeting", called_the_meeting & is_team_member | is_facilitator)
POLICY.add_rule("record_meeting", is_facilitator)
POLICY.add_rule("add_next_step", is_facilitator)
POLICY.add_rule("update_next_step", is_facilitator | is_responsible_for_step)
POLICY.add_rule("subscribe_calendar", is_team_member)

ACTIONS = frozenset(POLICY.keys())


def can(user, action, obj):
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to consent.policy.")
    if user is None or not user.is_authenticated:
        return False
    return POLICY.test_rule(action, user, obj)


def consents_for(user, family_id):
    """Active consents of one family, loaded once per user object and family."""
    cache = getattr(user, _CONSENT_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CONSENT_ATTR, cache)
    if family_id not in cache:
        Consent = apps.get_model("consent", "Consent")
        cache[family_id] = list(Consent.objects.active().filter(family_id=family_id))
    return cache[family_id]


def prime_consents(user, family_ids):
    """Load the active consents of many families in one query (for lists and search)."""
    cache = getattr(user, _CONSENT_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CONSENT_ATTR, cache)
    wanted = [f for f in set(family_ids) if f not in cache]
    if not wanted:
        return
    Consent = apps.get_model("consent", "Consent")
    for family_id in wanted:
        cache[family_id] = []
    for consent in Consent.objects.active().filter(family_id__in=wanted):
        cache[consent.family_id].append(consent)


def consent_for_record(user, family_id, category, membership):
    """The active consent that lets this user see this category of this family, or None."""
    for consent in consents_for(user, family_id):
        if category in consent.categories and consent.names(user, membership):
            return consent
    return None


def can_read_record(user, record, *, category=None, author_id=None):
    """May this user read a record of a data category? Team access is checked first."""
    if user is None or not user.is_authenticated:
        return False
    membership = membership_in(user, record)
    family_id = family_id_of(record)
    if membership is None and family_id not in emergency_families(user):
        return False
    category = category or getattr(record, "category", DataCategory.GENERAL)
    if category == DataCategory.GENERAL or (membership is not None and membership.is_family):
        return True
    if author_id is not None and author_id == user.pk:
        return True
    if membership is None:
        return True  # emergency access: everything, for 24 hours, audited and shown to the family
    return consent_for_record(user, family_id, category, membership) is not None
