from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from soc.accounts.forms import CreateAccountForm
from soc.accounts.models import User, hash_secret
from soc.accounts.views import signed_in_after
from soc.audit.log import record
from soc.languages import site_language

from .. import actions, calendar
from ..actions.invitations import code_attempts_left, find_by_code
from ..forms import JoinCodeForm, LetterAccountForm
from ..models import Invitation, Meeting
from ..notifications import team_contact


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
    detail = {"meetings": [m.pk for m in meetings]}
    with translation.override(site_language(user.language)):  # no session: the owner's language
        events = []
        for source in calendar.FEED_SOURCES:  # other apps' meetings (see calendar.add_feed_source)
            found, seen = source(user, since)
            events += found
            detail.update(seen)
        body = calendar.feed(meetings, _("My meetings"), events)  # team and collaborative
    record(user, "calendar_feed.view", user, request=request, detail=detail)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def _speak_the_members_language(request, member):
    """An invitation arrives in the member's language; its page opens in it too, unless the
    visitor already chose a language on this site."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES and not request.user.is_authenticated:
        language = member.language if member.language in dict(settings.LANGUAGES) else "en"
        translation.activate(language)
        request.LANGUAGE_CODE = language


def _create_account_and_join(request, invitation, email, data):
    """One transaction: no account without its place on the team."""
    with transaction.atomic():
        user = User.objects.create_user(
            email,
            data["password"],
            full_name=data["full_name"],
            language=data["language"],
            phone=invitation.membership.phone,
        )
        member = actions.accept_invitation(invitation, user, request=request)
    signed_in_after(request, user)
    messages.success(request, _("Welcome to the team."))
    return redirect("family", member.team.family_id)


def accept_invitation(request, token):
    """A member added without an account creates one (or signs in) and joins their team."""
    invitation = Invitation.find(token)
    if invitation is None:
        raise Http404
    member = invitation.membership
    _speak_the_members_language(request, member)
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
        return render(request, "teams/accept_invitation.html", _page(member, None))
    form = CreateAccountForm(
        request.POST or None,
        email=member.email,
        initial={"full_name": member.name, "language": translation.get_language()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            return _create_account_and_join(request, invitation, member.email, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("login")
    return render(request, "teams/accept_invitation.html", _page(member, form))


def _page(member, form, **extra):
    return {"member": member, "form": form, **team_contact(member.team), **extra}


def _accept(request, invitation, user):
    try:
        member = actions.accept_invitation(invitation, user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("home")
    messages.success(request, _("Welcome to the team."))
    return redirect("family", member.team.family_id)


# Joining with the code from a printed letter.

JOIN_SESSION_KEY = "join_invitation"
JOIN_MINUTES = 30  # time to fill in the account form after a right code


def join_with_code(request):
    """'Create your account with your code': the code from the letter, typed or from the QR.

    Wrong codes are counted per address (see actions.invitations.code_attempts_left); the
    answer is the same whatever was typed, so the page says nothing about which families exist.
    """
    language = request.GET.get("lang")
    if (
        language in dict(settings.LANGUAGES)
        and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
    ):
        translation.activate(language)
        request.LANGUAGE_CODE = language
    form = JoinCodeForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    status = 200
    if request.method == "POST":
        left = code_attempts_left(request, settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME)
        if left <= 0:
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            form.add_error(
                None,
                _(
                    "Too many tries. Please wait %(minutes)s minutes and try again, or call the person who gave you the letter."
                )
                % {"minutes": minutes},
            )
            status = 429
        elif form.is_valid():
            invitation = find_by_code(form.cleaned_data["code"], request)
            if invitation is not None:
                request.session[JOIN_SESSION_KEY] = {
                    "id": invitation.pk,
                    "until": (
                        timezone.now() + timezone.timedelta(minutes=JOIN_MINUTES)
                    ).isoformat(),
                }
                return redirect("join_account")
            form.add_error(
                "code",
                _(
                    "That code does not work. Check each letter and number, or ask the person who gave you the letter for a new one."
                ),
            )
    return render(request, "teams/join_code.html", {"form": form}, status=status)


def _invitation_from_session(request):
    saved = request.session.get(JOIN_SESSION_KEY) or {}
    until = saved.get("until")
    if not until or timezone.datetime.fromisoformat(until) < timezone.now():
        return None
    return (
        Invitation.objects.usable()
        .select_related("membership__team__family")
        .filter(pk=saved.get("id"), kind=Invitation.Kind.LETTER)
        .first()
    )


def join_account(request):
    """After a right code: create the account (or use the one signed in) and join."""
    invitation = _invitation_from_session(request)
    if invitation is None:
        request.session.pop(JOIN_SESSION_KEY, None)
        messages.info(request, _("Please type the code from your letter."))
        return redirect("join_with_code")
    member = invitation.membership
    _speak_the_members_language(request, member)
    if request.user.is_authenticated:
        if request.method == "POST":
            request.session.pop(JOIN_SESSION_KEY, None)
            return _accept(request, invitation, request.user)
        return render(request, "teams/join_account.html", _page(member, None))
    form = LetterAccountForm(
        request.POST or None,
        initial={"full_name": member.name, "language": translation.get_language()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            response = _create_account_and_join(
                request, invitation, form.cleaned_data["email"], form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("join_with_code")
        request.session.pop(JOIN_SESSION_KEY, None)
        return response
    return render(request, "teams/join_account.html", _page(member, form))
