from django.core.exceptions import PermissionDenied

from soc.audit.log import record

from .. import rules


def require(user, action, body=None):
    if not rules.can(user, action, body):
        raise PermissionDenied


def audit(user, action, obj, request=None, detail=None):
    """Governance events carry no family: they go on the actor's own chain."""
    record(user, action, obj, request=request, detail=detail)
