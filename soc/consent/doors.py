"""The door every family page and endpoint goes through: look the family up through the policy
(404 for anyone who must not learn it exists, with the refused attempt recorded), then check
the action (403), and record the view."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404

from soc.audit.log import record

from . import policy


def record_view(request, action, obj, family_id, user=None):
    """Record a view; views under emergency access are flagged so they stand out to the family.

    `user` is the API caller (request.auth); pages use request.user.
    """
    user = user or request.user
    emergency = policy.membership_for(user, family_id) is None
    record(
        user,
        action,
        obj,
        family_id=family_id,
        request=request,
        detail={"emergency": True} if emergency else None,
    )


def refuse(user, request, object_type, object_id):
    """Record a refused attempt (without a family id, so it never shows up in anyone's
    "who has looked") and answer 404."""
    record(
        user,
        "access.denied",
        (object_type, str(object_id)[:40]),
        request=request,
        detail={"path": request.path[:200]},
    )
    request.soc_denial_recorded = True
    raise Http404


def visible_family_or_404(user, family_id, request, queryset=None):
    """The family if `user` may see it (one membership looked up), else 404.

    Without a `queryset`, a team member's family (with its county and team) is the one their
    membership brought: one query for the whole door. Emergency access reads it apart.
    """
    Family = apps.get_model("families", "Family")
    family = None
    if 0 < int(family_id) < 2**63 and policy.sees_family(user, family_id):
        membership = policy.membership_for(user, family_id) if queryset is None else None
        family = _family_loaded_with(membership)
        if family is None:
            if queryset is None:
                queryset = Family.objects.select_related("county", "team")
            family = queryset.filter(pk=family_id).first()
    if family is None:
        refuse(user, request, "families.family", family_id)
    return family


def _family_loaded_with(membership):
    """The family that came with a membership from `policy.membership_for`, or None (a membership
    primed from another query may not bring it)."""
    if membership is None:
        return None
    Membership = apps.get_model("teams", "Membership")
    Team = apps.get_model("teams", "Team")
    if Membership.team.is_cached(membership) and Team.family.is_cached(membership.team):
        return membership.team.family
    return None


def family_for(request, family_id, action="view_family", *, audit=True):
    """The family if the user may see it (else 404) and may do `action` (else 403).

    Every page that shows a family's data is a view to record: by default a GET records
    "<page name>.view"; pass a name to be specific, or False when the view records the
    exact object it shows itself.
    """
    family = visible_family_or_404(request.user, family_id, request)
    if action != "view_family" and not family.can(request.user, action):
        raise PermissionDenied
    if audit is True and request.method == "GET":
        audit = f"{request.resolver_match.url_name}.view"
    if isinstance(audit, str):
        record_view(request, audit, family, family.pk)
    return family


def family_or_404(request, family_id, queryset=None):
    """The API's door: the family if the caller is on its team; 404 for everyone else."""
    return visible_family_or_404(request.auth, family_id, request, queryset)


def require(request, family, action):
    """403 unless the signed-in user may do `action` on a family they can see."""
    if not family.can(request.user, action):
        raise PermissionDenied
