"""What the governance pages share: finding a body, and the flags a template reads."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from soc.audit.log import record
from soc.consent.doors import refuse

from .. import rules
from ..models import Collaborative, Motion

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


def items_seen_by(user, meeting):
    """The meeting's agenda items `user` may see or name: confidential ones need a seat."""
    items = meeting.items.all()
    return items if rules.can(user, "see_confidential", meeting.collaborative) else items.public()


def motions_seen_by(user, body):
    """The body's motions `user` may see or name: those on confidential items need a seat."""
    motions = Motion.objects.filter(meeting__collaborative=body)
    return motions if rules.can(user, "see_confidential", body) else motions.public()


def confidential_or_404(user, request, body, obj, hidden):
    """A confidential object answers 404 to anyone without a seat on its body, as one that
    does not exist does; a signed-in caller's attempt is recorded (the public's is not, so
    anonymous requests cannot fill the audit log)."""
    if hidden and not rules.can(user, "see_confidential", body):
        if not user.is_authenticated:
            raise Http404
        refuse(user, request, obj._meta.label_lower, obj.pk)
    return obj
