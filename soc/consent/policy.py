"""The access policy: the one place that decides who may see or change a family's information.

Querysets (`Family.objects.visible_to(user)`, `NextStep.objects.visible_to(user)`) and objects
(`family.can(user, action)`) hand over to this module; pages, API, feeds, exports and e-mails
use those and decide nothing themselves.

Rules:
- Only the family's own members and the team's active members see anything about a family.
  Superusers and organization administrators get no case access from those flags.
- Family members always see their own records. Anyone else sees a record of a protected data
  category only when they wrote it or under an active consent that names them, the
  organization recorded on their team membership, or the whole team, for that category.
- Staff of a provider that receives a referral see only what the family agreed to share for
  that referral (its shared details), in their inbox; they are not on the team and every
  family door still answers them 404.
- Emergency ("break-glass") access lets a staff member with that permission, not on the team,
  see a family for 24 hours after giving a reason. It is audited and shown to the family.
  Substance-use (42 CFR Part 2) records open only when the reason given is a bona fide
  medical emergency (42 CFR 2.51).
- Family partners see the requests for help routed to their family organization (requests.py).

The same rules as SQL filters for querysets are in `consent.filters`: every filter starts from
the user's own memberships, so it costs what the user's own teams cost, never a scan of all
families. A door for one family looks up that one membership (kept on the user object for the
rest of the request).
"""

from datetime import timedelta

import rules
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .categories import DataCategory
from .referrals import is_provider_staff, receives_the_referral
from .requests import FAMILY_REQUEST_RULES

_ONE_MEMBERSHIP = "_soc_membership_for"  # {family id: membership or None}
_EMERGENCY = "_soc_emergency_families"
_CONSENTS = "_soc_consents"
_CACHES = (_ONE_MEMBERSHIP, _EMERGENCY, _CONSENTS)

ASK_TO_JOIN_WINDOW = timedelta(hours=1)


def _model(label):
    return apps.get_model(*label.split("."))


def _signed_in(user):
    return user is not None and user.is_authenticated


def _active_memberships(user):
    Membership = _model("teams.Membership")
    return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)


def membership_for(user, family_id):
    """The user's active membership on one family's team, or None (one query per family)."""
    if not _signed_in(user) or family_id is None:
        return None
    cache = getattr(user, _ONE_MEMBERSHIP, None)
    if cache is None:
        cache = {}
        setattr(user, _ONE_MEMBERSHIP, cache)
    if family_id not in cache:
        # The family (and its county) comes in the same query: a door that finds the
        # membership then needs no query of its own for the family or its team. At most one
        # current membership per user and team (a constraint), so no ORDER BY either.
        found = (
            _active_memberships(user)
            .filter(team__family_id=family_id)
            .select_related("team__family__county")
        )
        cache[family_id] = next(iter(found[:1]), None)
    return cache[family_id]


def prime_memberships(user, memberships):
    """Hand over memberships already loaded (each the user's own, active), so that checks on
    many families' records cost no query per family."""
    cache = getattr(user, _ONE_MEMBERSHIP, None)
    if cache is None:
        cache = {}
        setattr(user, _ONE_MEMBERSHIP, cache)
    for membership in memberships:
        cache.setdefault(membership.team.family_id, membership)


def forget_access(user):
    """Call after a change to the user's memberships, grants or consents in the same request."""
    for attr in _CACHES:
        if user is not None and hasattr(user, attr):
            delattr(user, attr)


def may_use_emergency_access(user):
    return _signed_in(user) and user.organization_id is not None and user.can_use_emergency_access


def emergency_families(user):
    """Family ids the user opened with emergency access that has not expired.

    Only staff allowed to break the glass can hold a grant, so nobody else pays a query.
    """
    return frozenset(_emergency_grants(user))


def medical_emergency_families(user):
    """The families of those grants given for a stated medical emergency: only these open
    substance-use (42 CFR Part 2) records, as 42 CFR 2.51 allows."""
    return frozenset(f for f, medical in _emergency_grants(user).items() if medical)


def _emergency_grants(user):
    """{family id: was it a medical emergency} for the user's unexpired grants (one query)."""
    if not may_use_emergency_access(user):
        return {}
    cached = getattr(user, _EMERGENCY, None)
    if cached is None:
        EmergencyAccess = _model("consent.EmergencyAccess")
        cached = {}
        grants = EmergencyAccess.objects.filter(user=user, expires_at__gt=timezone.now())
        for family_id, medical in grants.values_list("family_id", "medical_emergency"):
            cached[family_id] = cached.get(family_id, False) or medical
        setattr(user, _EMERGENCY, cached)
    return cached


def family_id_of(obj):
    if obj._meta.label_lower == "families.family":
        return obj.pk
    if obj._meta.label_lower == "teams.team":
        return obj.family_id
    family_id = getattr(obj, "family_id", None)
    if family_id is None and getattr(obj, "team_id", None) is not None:
        family_id = obj.team.family_id
    return family_id


def membership_in(user, obj):
    """The user's active membership on the team that `obj` belongs to, or None."""
    return membership_for(user, family_id_of(obj)) if obj is not None else None


def sees_family(user, family_id):
    return membership_for(user, family_id) is not None or family_id in emergency_families(user)


# Predicates, named as a social worker would say them.


@rules.predicate
def is_team_member(user, obj):
    return membership_in(user, obj) is not None


@rules.predicate
def has_emergency_access(user, obj):
    return family_id_of(obj) in emergency_families(user)


@rules.predicate
def is_allowed_to_break_the_glass(user, obj):
    return may_use_emergency_access(user)


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
def works_for_an_organization(user, obj=None):
    """Staff of an agency, a provider or a family organization (not a family's own account)."""
    return user.organization_id is not None


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


@rules.predicate
def belongs_to_the_members_organization(user, member):
    organization_id = getattr(member, "organization_id", None)
    return organization_id is not None and organization_id == user.organization_id


@rules.predicate
def suggested_this_member(user, member):
    return getattr(member, "proposed_by_id", None) == user.pk


@rules.predicate
def may_be_removed_by_the_family(user, member):
    return not member.is_family and member.can_be_removed_by_family()


@rules.predicate
def is_required_by_agency(user, member):
    return member.required_by_agency


@rules.predicate
def was_just_shown_this_family_as_a_duplicate(user, family):
    """Asking to join is allowed only right after the family was shown as a possible duplicate,
    so the request cannot be used to probe which families exist."""
    AuditEvent = _model("audit.AuditEvent")
    return AuditEvent.objects.filter(
        actor=user,
        action="family.duplicate_shown",
        family_id=family.pk,
        at__gte=timezone.now() - ASK_TO_JOIN_WINDOW,
    ).exists()


POLICY = rules.RuleSet()
POLICY.add_rule("view_family", is_team_member | has_emergency_access)
POLICY.add_rule(
    "open_in_emergency", is_allowed_to_break_the_glass & ~is_team_member & ~has_emergency_access
)
POLICY.add_rule("open_family", works_for_an_organization)
POLICY.add_rule(
    "ask_to_join",
    works_for_an_organization & ~is_team_member & was_just_shown_this_family_as_a_duplicate,
)
POLICY.add_rule("see_consents", is_team_member)
# Caregivers give consent; a youth gives it for their own records (age checked in the action).
POLICY.add_rule("give_consent", is_family_member)
POLICY.add_rule("give_or_record_consent", is_family_member | is_facilitator)
POLICY.add_rule(
    "revoke_consent", is_caregiver | is_facilitator | (is_family_member & gave_the_consent)
)
POLICY.add_rule("edit_family", is_caregiver | is_facilitator)
POLICY.add_rule("edit_people", is_caregiver | is_facilitator)
POLICY.add_rule("see_who_looked", is_family_member | is_facilitator)
POLICY.add_rule("see_who_has_no_account", is_caregiver)
# The family selects its team: caregivers invite directly, everyone else proposes.
POLICY.add_rule("invite_member", is_caregiver)
POLICY.add_rule("propose_member", is_team_member & ~is_caregiver)
POLICY.add_rule("decide_proposal", is_caregiver)
POLICY.add_rule("withdraw_proposal", is_team_member & (suggested_this_member | is_facilitator))
POLICY.add_rule("remove_member", is_caregiver | (is_team_member & is_the_member))
# What the team page offers next to each member.
POLICY.add_rule(
    "offer_withdrawal", is_team_member & (suggested_this_member | is_facilitator) & ~is_caregiver
)
POLICY.add_rule("offer_removal", is_caregiver & may_be_removed_by_the_family)
POLICY.add_rule("offer_leaving", is_the_member & ~is_required_by_agency & ~is_caregiver)
POLICY.add_rule("mark_required", is_team_member & works_for_an_organization)
POLICY.add_rule("offer_marking_required", is_team_member & belongs_to_the_members_organization)
# How a member is reached (texts, reminders): a caregiver, or the member themself.
POLICY.add_rule("choose_reminders", is_caregiver | (is_team_member & is_the_member))
POLICY.add_rule("convene_meeting", is_team_member)
POLICY.add_rule("change_meeting", called_the_meeting & is_team_member | is_facilitator)
# The facilitator keeps the team's record: attendance, notes, decisions and next steps.
POLICY.add_rule("record_meeting", is_facilitator)
POLICY.add_rule("add_next_step", is_facilitator)
POLICY.add_rule("update_next_step", is_facilitator | is_responsible_for_step)
POLICY.add_rule("change_next_step_details", is_facilitator)
POLICY.add_rule("subscribe_calendar", is_team_member)
# One plan: the team edits drafts, the facilitator proposes, the family agrees (a youth from the
# plan's age, checked in the action), professionals acknowledge, progress is noted at meetings.
POLICY.add_rule("edit_plan", is_team_member)
POLICY.add_rule("propose_plan", is_facilitator)
POLICY.add_rule("agree_to_plan", is_family_member)
POLICY.add_rule("record_agreement_on_behalf", is_facilitator)
POLICY.add_rule("acknowledge_plan", is_team_member & ~is_family_member)
POLICY.add_rule("rate_progress", is_facilitator)
POLICY.add_rule("change_plan_settings", is_caregiver | is_facilitator)
# Referrals (soc/referrals): any team member refers and follows up; the provider that receives
# one sees its shared details only and answers it; the family says whether it got help; staff
# on either side, never the family, correct a referral entered in error.
POLICY.add_rule("refer_family", is_team_member)
POLICY.add_rule("change_referral", is_team_member)
POLICY.add_rule("act_on_received_referral", receives_the_referral)
POLICY.add_rule(
    "correct_referral", (is_team_member & works_for_an_organization) | receives_the_referral
)
POLICY.add_rule("open_referral_inbox", is_provider_staff)
POLICY.add_rule("answer_referral", is_family_member)
POLICY.add_rule("see_unmet_need_counts", works_for_an_organization)
# A systemic barrier goes to the county's collaborative without the family (soc.collaboratives).
POLICY.add_rule("raise_barrier", is_team_member)
for _name, _rule in FAMILY_REQUEST_RULES.items():
    POLICY.add_rule(_name, _rule)

ACTIONS = frozenset(POLICY.keys())


def can(user, action, obj):
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to consent.policy.")
    if not _signed_in(user):
        return False
    return POLICY.test_rule(action, user, obj)


def require(user, action, obj):
    """Raise PermissionDenied unless the user may do `action` on `obj`."""
    if not can(user, action, obj):
        raise PermissionDenied


def flags(user, obj, actions):
    """The `can` flags a page hands its template: {action: bool}."""
    return {action: can(user, action, obj) for action in actions}


# Reading one record (pages that show a record they already hold).


def consents_for(user, family_id):
    """Active consents of one family, loaded once per user object and family."""
    cache = getattr(user, _CONSENTS, None)
    if cache is None:
        cache = {}
        setattr(user, _CONSENTS, cache)
    if family_id not in cache:
        Consent = _model("consent.Consent")
        cache[family_id] = list(Consent.objects.active().filter(family_id=family_id))
    return cache[family_id]


def prime_consents(user, family_ids):
    """Load the active consents of many families in one query (for lists and search)."""
    cache = getattr(user, _CONSENTS, None)
    if cache is None:
        cache = {}
        setattr(user, _CONSENTS, cache)
    wanted = [f for f in set(family_ids) if f not in cache]
    if not wanted:
        return
    Consent = _model("consent.Consent")
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


def can_read_record(user, record):
    """May this user read this case record (see `readable_records`, which says the same in SQL)?"""
    if not _signed_in(user):
        return False
    family_id = record.family_id
    membership = membership_for(user, family_id)
    if membership is None:
        if family_id not in emergency_families(user):
            return False
        return (
            record.category != DataCategory.SUBSTANCE_USE
            or family_id in medical_emergency_families(user)
        )
    if record.category == DataCategory.GENERAL or membership.is_family:
        return True
    if record.author_id is not None and record.author_id == user.pk:
        return True
    return consent_for_record(user, family_id, record.category, membership) is not None
