from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.audit.log import record

from .forms import LanguageForm, SignInForm, TokenForm
from .models import ApiToken, Language


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)  # login() rotates the session key
        user = form.get_user()
        translation.activate(user.language)
        response.set_cookie("django_language", user.language, httponly=True, samesite="Lax")
        record(user, "account.sign_in", user, request=self.request)
        return response


@require_POST
def change_language(request):
    """Remember the language: on the account when signed in, in a cookie otherwise."""
    language = request.POST.get("language")
    if language not in Language.values:
        language = Language.ENGLISH
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    response = redirect(next_url)
    response.set_cookie(
        "django_language", language, httponly=True, samesite="Lax", max_age=365 * 24 * 3600
    )
    return response


def may_use_api_tokens(user):
    """API tokens are for staff whose programs talk to ours; a family's own account has no
    use for them, and a token lying around on a shared phone is a risk."""
    return user.works_for_an_organization


def webcal_link(feed_url):
    """The same feed as a webcal:// link, which phones and calendar apps open as "subscribe"."""
    return "webcal://" + feed_url.split("://", 1)[-1] if feed_url else None


@login_required
def account(request):
    new_feed_url = request.session.pop("new_feed_url", None)
    context = {
        "language_form": LanguageForm(initial={"language": request.user.language}),
        "new_feed_url": new_feed_url,
        "new_feed_webcal": webcal_link(new_feed_url),
        "has_feed": bool(request.user.calendar_feed_hash),
        "may_use_api_tokens": may_use_api_tokens(request.user),
    }
    if context["may_use_api_tokens"]:
        context.update(
            token_form=TokenForm(),
            tokens=ApiToken.objects.filter(user=request.user).active(),
            new_token=request.session.pop("new_api_token", None),
        )
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def token_create(request):
    if not may_use_api_tokens(request.user):
        raise PermissionDenied
    form = TokenForm(request.POST)
    if form.is_valid():
        token, secret = ApiToken.issue(request.user, form.cleaned_data["label"])
        record(request.user, "api_token.create", token, request=request)
        request.session["new_api_token"] = secret
        messages.success(
            request,
            _("Your new API token is shown below. Copy it now: it will not be shown again."),
        )
    else:
        messages.error(request, _("Please say what the token is for."))
    return redirect("account")


@login_required
@require_POST
def token_revoke(request, token_id):
    token = get_object_or_404(ApiToken.objects.active(), pk=token_id, user=request.user)
    token.revoke()
    record(request.user, "api_token.revoke", token, request=request)
    messages.success(request, _("The token was revoked. It no longer works."))
    return redirect("account")


@login_required
@require_POST
def calendar_feed_create(request):
    token = request.user.new_calendar_feed()
    record(request.user, "calendar_feed.create", request.user, request=request)
    request.session["new_feed_url"] = request.build_absolute_uri(
        reverse("calendar_feed", args=[token])
    )
    messages.success(request, _("Your calendar link is ready. Any old link stopped working."))
    return redirect("account")


@login_required
@require_POST
def calendar_feed_revoke(request):
    request.user.revoke_calendar_feed()
    record(request.user, "calendar_feed.revoke", request.user, request=request)
    messages.success(request, _("Your calendar link was turned off."))
    return redirect("account")


def signed_in_after(request, user):
    login(request, user, backend="soc.accounts.backends.AccountBackend")
    translation.activate(user.language)
