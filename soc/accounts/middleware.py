"""Session limits and the signed-in user's language."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

SESSION_STARTED_KEY = "soc_signed_in_at"
SESSION_RENEWED_KEY = "soc_renewed_at"


def start_session_clock(sender, request, user, **kwargs):
    """At sign-in: the 12-hour limit and the idle renewal count from now (saved with the login)."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SESSION_STARTED_KEY] = now
        request.session[SESSION_RENEWED_KEY] = now


class SessionLimitsMiddleware:
    """Ends a session 12 hours after sign-in, however active, and renews its idle expiry.

    Idle expiry is the cookie's age (SESSION_COOKIE_AGE), renewed when the session is saved.
    Saving it on every request would add a write and a commit to every read of the app; a
    session is renewed at most once per SESSION_RENEW_SECONDS instead, so the idle limit holds
    to within that much.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.get(SESSION_STARTED_KEY)
            renewed = request.session.get(SESSION_RENEWED_KEY) or started or 0
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                messages.info(
                    request, _("For your safety you were signed out. Please sign in again.")
                )
                return redirect(settings.LOGIN_URL)
            if now - renewed >= settings.SESSION_RENEW_SECONDS:
                request.session[SESSION_RENEWED_KEY] = now  # modified: saved with a new expiry
        return self.get_response(request)


class UserLanguageMiddleware:
    """A signed-in user sees the language they chose, on every device."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class SecondFactorMiddleware:
    """When SOC_REQUIRE_MFA is on, staff must confirm a one-time code before anything else."""

    # The public directory (/hsds/) needs no sign-in, so no second step either.
    ALLOWED = ("second-factor", "sign-out", "language", "static", "hsds")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.SOC_REQUIRE_MFA
            and user.is_authenticated
            and user.works_for_an_organization
            and not user.is_verified()
            and request.path.strip("/").split("/")[0] not in self.ALLOWED
        ):
            if request.path.startswith("/api/"):
                from django.http import JsonResponse

                return JsonResponse(
                    {"detail": _("Please finish the second sign-in step first.")}, status=403
                )
            from django_otp.plugins.otp_totp.models import TOTPDevice

            has_device = TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
            return redirect("mfa_verify" if has_device else "mfa_setup")
        return self.get_response(request)
