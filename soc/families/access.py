"""The door every family page goes through: the policy's queryset, then the action check."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from soc.audit.log import record
from soc.consent import policy

from .models import Family


def audit_view(request, action, obj, family_id, user=None):
    """Record a view; views under emergency access are flagged so they stand out to the family.

    `user` is the API caller (request.auth); pages use request.user.
    """
    user = user or request.user
    emergency = policy.membership_in(user, obj) is None
    record(
        user,
        action,
        obj,
        family_id=family_id,
        request=request,
        detail={"emergency": True} if emergency else None,
    )


def require(request, family, action):
    """For a family the user can see: 403 unless they may do `action`.

    Views look the object up first (404 for another family's ids), then call this.
    """
    if not family.can(request.user, action):
        raise PermissionDenied


def visible_family_or_404(user, family_id, request, queryset=None):
    """The family if `user` may see it. Otherwise 404, and the refused attempt is recorded
    (without a family id, so it never shows up in anyone's "who has looked")."""
    queryset = queryset if queryset is not None else Family.objects.select_related("county")
    family = queryset.visible_to(user).filter(pk=family_id).first()
    if family is None:
        record(
            user,
            "access.denied",
            ("families.family", str(family_id)[:40]),
            request=request,
            detail={"path": request.path[:200]},
        )
        request.soc_denial_recorded = True
        raise Http404
    return family


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
        audit_view(request, audit, family, family.pk)
    return family
