"""Session limits and the signed-in user's language."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

SESSION_STARTED_KEY = "soc_signed_in_at"


class SessionLimitsMiddleware:
    """Ends a session 12 hours after sign-in, however active; idle expiry is the cookie's age."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            if started is None:
                request.session[SESSION_STARTED_KEY] = time.time()
            elif time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                messages.info(
                    request, _("For your safety you were signed out. Please sign in again.")
                )
                return redirect(settings.LOGIN_URL)
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
