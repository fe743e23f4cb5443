"""The door every family page goes through: the policy's queryset, then the action check."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from soc.audit.log import record

from .models import Family


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
        record(request.user, audit, family, family_id=family.pk, request=request)
    return family
