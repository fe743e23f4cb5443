"""What the governance pages share: finding a body, and the flags a template reads."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from soc.audit.log import record

from .. import rules
from ..models import Collaborative

PAGE_ACTIONS = (
    "change_collaborative",
    "manage_seats",
    "see_confidential",
    "suggest_agenda_item",
    "run_meeting",
    "amend_minutes",
    "record_barrier",
    "decide_barrier",
    "manage_recommendations",
)


def body_or_404(slug):
    return get_object_or_404(Collaborative.objects.select_related("parent"), slug=slug)


def body_for(request, slug, action=None):
    """The body (404 if unknown), then the right (403); a form page's GET is recorded."""
    body = body_or_404(slug)
    if action is not None and not rules.can(request.user, action, body):
        raise PermissionDenied
    if action is not None and request.method == "GET":
        record(request.user, f"{request.resolver_match.url_name}.view", body, request=request)
    return body


def can(user, body):
    return rules.flags(user, body, PAGE_ACTIONS)
