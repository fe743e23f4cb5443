"""Who is calling: a personal API token (`Authorization: Bearer soc_...`) or the browser session.

Either way the caller must be an active user; their language is switched on so that messages
come back in it. Session callers must send the CSRF token with unsafe methods, like a form.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from soc.accounts.models import ApiToken

# Writing last_used_at on every call would turn each read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _signed_in(request, user):
    request.user = user
    if user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language
    return user


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = ApiToken.objects.find(token) if token else None
        if api_token is None or not api_token.user.is_active:
            # A wrong or revoked token is an error even if a session cookie came along.
            raise AuthenticationError()
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        return _signed_in(request, api_token.user)


class SessionAuth(APIKeyCookie):
    """Django's session, as the web pages use it, with CSRF checked for unsafe methods."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        # ninja would check CSRF here, before knowing whether anyone is signed in; we check
        # in authenticate() so that an anonymous caller gets 401, not 403. (`csrf` stays
        # True: it also tells the docs page to send the CSRF token.)
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not exempt and check_csrf(request):
            raise HttpError(403, _("CSRF check failed. Reload the page and try again."))
        return _signed_in(request, user)


api_auth = [TokenAuth(), SessionAuth()]
