from django.core.exceptions import PermissionDenied
from django.http import Http404

from soc.audit.log import record

from .. import rules


def require(user, action, body=None):
    if not rules.can(user, action, body):
        raise PermissionDenied


def require_seat_if(hidden, user, body):
    """Confidential governance (an item, a motion on one) is for those with a seat; to anyone
    else it does not exist. The door records that refusal: a row written here would be rolled
    back with the action's transaction."""
    if hidden and not rules.can(user, "see_confidential", body):
        raise Http404


def audit(user, action, obj, request=None, detail=None):
    """Governance events carry no family: they go on the actor's own chain."""
    record(user, action, obj, request=request, detail=detail)
