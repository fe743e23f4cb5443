"""The access policy: the one place that decides who may see or change a family's information.

Querysets (`Family.objects.visible_to(user)`) and objects (`family.can(user, action)`) hand over
to this module; pages, API, feeds, exports and e-mails use those and decide nothing themselves.

Rules:
- Only the family's own members and the team's active members see anything about a family.
  Superusers and organization administrators get no case access from those flags.
- Family members always see their own records. Anyone else sees a record of a protected data
  category only when they wrote it (consent directives will widen this, category by category).
"""

import rules
from django.apps import apps

from .categories import DataCategory

_CACHE_ATTR = "_soc_team_memberships"


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
    """Call after a change to the user's own memberships within the same request."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


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
    return queryset.filter(id__in=teams)


# Predicates, named as a social worker would say them.


@rules.predicate
def is_team_member(user, obj):
    return membership_in(user, obj) is not None


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
def is_the_member(user, member):
    member_user_id = getattr(member, "user_id", None) if getattr(member, "team_id", None) else None
    return member_user_id is not None and member_user_id == user.pk


POLICY = rules.RuleSet()
POLICY.add_rule("view_family", is_team_member)
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


def can_read_record(user, record, *, category=None, author_id=None):
    """May this team member read a record of a data category? (The team check comes first.)"""
    membership = membership_in(user, record)
    if membership is None:
        return False
    category = category or getattr(record, "category", DataCategory.GENERAL)
    if category == DataCategory.GENERAL or membership.is_family:
        return True
    return author_id is not None and author_id == user.pk
