from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from soc.accounts.models import User, hash_secret
from soc.audit.log import record
from soc.languages import site_language

from .. import actions, calendar
from ..models import Invitation, Meeting


def calendar_feed(request, token):
    """A person's private calendar feed. The secret URL is the credential; it can be revoked."""
    user = (
        User.objects.filter(calendar_feed_hash=hash_secret(token), is_active=True).first()
        if token
        else None
    )
    if user is None:
        raise Http404
    since = timezone.now() - timezone.timedelta(days=90)
    meetings = (
        Meeting.objects.of_my_teams(user)
        .filter(ends_at__gte=since)
        .select_related("team")
        .order_by("starts_at")[:500]
    )
    meetings = list(meetings)
    record(
        user,
        "calendar_feed.view",
        user,
        request=request,
        detail={"meetings": [m.pk for m in meetings]},
    )
    with translation.override(site_language(user.language)):  # no session: the owner's language
        body = calendar.feed(meetings, _("My team meetings"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def accept_invitation(request, token):
    """A member added without an account creates one (or signs in) and joins their team."""
    from soc.accounts.forms import CreateAccountForm
    from soc.accounts.views import signed_in_after

    invitation = Invitation.find(token)
    if invitation is None:
        raise Http404
    member = invitation.membership
    existing = User.objects.filter(email__iexact=member.email).first()
    if request.user.is_authenticated or existing:
        if not request.user.is_authenticated:
            messages.info(
                request, _("You already have an account. Please sign in, then open the link again.")
            )
            return redirect(f"{reverse('login')}?next={request.path}")
        if request.user.email.lower() != member.email.lower():
            messages.error(request, _("This invitation was sent to another e-mail address."))
            return redirect("home")
        if request.method == "POST":
            return _accept(request, invitation, request.user)
        return render(request, "teams/accept_invitation.html", {"member": member, "form": None})
    form = CreateAccountForm(
        request.POST or None,
        email=member.email,
        initial={
            "full_name": member.name,
            "language": member.language if member.language in ("en", "es") else "en",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # no account without its place on the team
                user = User.objects.create_user(
                    member.email,
                    form.cleaned_data["password"],
                    full_name=form.cleaned_data["full_name"],
                    language=form.cleaned_data["language"],
                    phone=member.phone,
                )
                member = actions.accept_invitation(invitation, user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("login")
        signed_in_after(request, user)
        messages.success(request, _("Welcome to the team."))
        return redirect("family", member.team.family_id)
    return render(request, "teams/accept_invitation.html", {"member": member, "form": form})


def _accept(request, invitation, user):
    try:
        member = actions.accept_invitation(invitation, user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("home")
    messages.success(request, _("Welcome to the team."))
    return redirect("family", member.team.family_id)
