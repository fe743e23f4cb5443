"""Choosing how a member is reminded (a page), and replies to our texts (a provider webhook)."""

import hmac
import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from soc.consent import policy
from soc.consent.doors import family_for
from soc.form_pages import submit
from soc.texting import wording
from soc.texting.phones import display

from . import actions
from .forms import RemindersForm


@login_required
def member_reminders(request, family_id, member_id):
    """A caregiver, or the member themself, chooses e-mail reminders and says yes or no to texts."""
    family = family_for(request, family_id)
    member = get_object_or_404(
        family.team.memberships.active().select_related("team"), pk=member_id
    )
    if not policy.can(request.user, actions.CHOOSE_REMINDERS, member):
        raise PermissionDenied
    initial = {
        "version": member.version,
        "email_reminders": member.email_reminders,
        "number": display(member.text_number) or member.phone,
        "texts": member.accepts_texts,
    }
    return submit(
        request,
        "messaging/member_reminders.html",
        {
            "family": family,
            "member": member,
            "is_me": member.user_id == request.user.pk,
            "consent_wording": wording.consent_wording(),
            "number_shown": display(member.text_number),
        },
        RemindersForm(request.POST or None, initial=initial),
        lambda data: actions.choose_reminders(
            request.user,
            member,
            version=data["version"],
            texts=data["texts"],
            number=data["number"],
            email_reminders=data["email_reminders"],
            request=request,
        ),
        success=_("Saved. We will remind them the way you chose."),
        done=family,
    )


def _inbound_token_ok(request):
    expected = settings.SOC_TEXT_INBOUND_TOKEN
    header = request.headers.get("Authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def _inbound_fields(request):
    """JSON {"from", "body"} or a form post with From/Body (the shape most providers use)."""
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return None, None
        if not isinstance(data, dict):
            return None, None
    else:
        data = request.POST
    number = data.get("from") or data.get("From")
    body = data.get("body") or data.get("Body") or ""
    return (number if isinstance(number, str) else None), (body if isinstance(body, str) else "")


@csrf_exempt  # a provider's server posts here; the bearer token stands in for the CSRF token
@require_POST
def texts_inbound(request):
    """A reply to one of our texts. Records STOP and START; answers with what to send back."""
    if not settings.SOC_TEXT_INBOUND_TOKEN:
        raise Http404  # texting is not set up here
    if not _inbound_token_ok(request):
        return JsonResponse({"error": "unauthorized"}, status=401)
    number, body = _inbound_fields(request)
    if not number:
        return JsonResponse({"error": "from: a phone number is required"}, status=400)
    return JsonResponse({"reply": actions.answer_keyword(number, body[:160])})
