"""Who may see, offer and organize a training: the trainings side of the access policy.

Public trainings are for everyone; members-only ones for those who sit on the body today and
the staff of the family organization, in lists and on one training alike. A collaborative's officers (chair, co-chair, secretary) organize its trainings, and staff of a
family organization organize theirs. Someone given the collaborative-admin permission may offer
a training for any host, but, like a superuser, does not see who registered for being one:
registrants' names and contacts are for organizers only, everyone else learns only whether the
training has room.
"""

import rules
from django.contrib.auth.models import Permission
from django.db.models import Q

from soc.accounts.models import Organization
from soc.collaboratives import rules as governance
from soc.collaboratives.models import Collaborative, SeatTerm


def _hosts(obj):
    """(collaborative, organization) of a training, or of a host about to offer one."""
    if isinstance(obj, Collaborative):
        return obj, None
    if isinstance(obj, Organization):
        return None, obj
    return getattr(obj, "collaborative", None), getattr(obj, "organization", None)


def _signed_in(user):
    return user is not None and user.is_authenticated


@rules.predicate
def is_officer_of_the_body(user, obj):
    body, _org = _hosts(obj)
    return body is not None and governance.holds_an_office.test(user, body)


@rules.predicate
def works_for_the_family_organization(user, obj):
    _body, org = _hosts(obj)
    return (
        _signed_in(user)
        and org is not None
        and org.kind == Organization.Kind.FAMILY_ORGANIZATION
        and user.organization_id == org.pk
    )


@rules.predicate
def is_granted_collaborative_admin(user, obj=None):
    """The permission given to this person (or a group of theirs): being a superuser is not
    enough, since an administrator sees no one's personal details for being one."""
    if not _signed_in(user):
        return False
    granted = Q(user=user) | Q(group__user=user)
    return Permission.objects.filter(granted, codename="administer_collaboratives").exists()


def _seen_q(user):
    """The trainings `user` may see, as one SQL condition: public ones, and members-only ones
    of the bodies they sit on today or of their own family organization. The one definition
    behind both `visible_trainings` (lists) and the `see_training` rule (one training)."""
    public = Q(is_public=True)
    if not _signed_in(user):
        return public
    bodies = SeatTerm.objects.on().filter(user=user).values("seat__collaborative")
    members = Q(collaborative__in=bodies)
    if user.organization_id:
        members |= Q(organization_id=user.organization_id)
    return public | members


def visible_trainings(queryset, user):
    """The rows of a queryset of trainings that `user` may see."""
    return queryset.filter(_seen_q(user))


@rules.predicate
def sees_the_training(user, training):
    """The lists' condition, asked of this one training (one query)."""
    one = type(training).objects.filter(pk=training.pk)
    return training.pk is not None and visible_trainings(one, user).exists()


# Organizers see who registered: the body's officers or the family organization's staff.
organizer = is_officer_of_the_body | works_for_the_family_organization

POLICY = rules.RuleSet()
POLICY.add_rule("offer_training", organizer | is_granted_collaborative_admin)
POLICY.add_rule("organize_training", organizer)
POLICY.add_rule("see_registrants", organizer)
POLICY.add_rule("see_training", sees_the_training)
ACTIONS = frozenset(POLICY.keys())


def can(user, action, obj=None):
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to trainings.rules.")
    return POLICY.test_rule(action, user, obj)


def flags(user, obj, actions):
    return {action: can(user, action, obj) for action in actions}
