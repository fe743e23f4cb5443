"""The door every family page goes through: the policy's queryset, then the action check."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from soc.audit.log import record
from soc.consent import policy

from .models import Family


def audit_view(request, action, obj, family_id):
    """Record a view; views under emergency access are flagged so they stand out to the family."""
    emergency = policy.membership_in(request.user, obj) is None
    record(
        request.user,
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


def family_for(request, family_id, action="view_family", *, audit=None):
    """The family if the user may see it (else 404) and may do `action` (else 403).

    `audit` names the view event to record, e.g. "family.view".
    """
    family = get_object_or_404(
        Family.objects.visible_to(request.user).select_related("county"), pk=family_id
    )
    if action != "view_family" and not family.can(request.user, action):
        raise PermissionDenied
    if audit:
        audit_view(request, audit, family, family.pk)
    return family
