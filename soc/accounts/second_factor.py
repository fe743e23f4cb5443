"""Second factor for staff: a six-digit code from an authenticator app (TOTP, django-otp)."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from soc import uswds
from soc.audit.log import record


class CodeForm(uswds.Form):
    code = forms.CharField(
        label=gettext_lazy("Six-digit code"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _qr_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
def mfa_setup(request):
    """Connect an authenticator app: scan the code, then type the six digits it shows."""
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False
    ).first() or TOTPDevice.objects.create(
        user=request.user, name="Authenticator app", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(request.user, "account.mfa_setup", request.user, request=request)
            messages.success(request, _("Your authenticator app is connected."))
            return redirect("home")
        form.add_error("code", _("That code did not work. Please try the newest code."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "qr": _qr_data_uri(device.config_url), "secret": secret}
    return render(request, "accounts/mfa_setup.html", context)


@login_required
def mfa_verify(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].strip()
        for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
            if device.verify_token(code):
                otp_login(request, device)
                record(request.user, "account.mfa_verify", request.user, request=request)
                return redirect(request.GET.get("next") or "home")
        form.add_error("code", _("That code did not work. Please try the newest code."))
    return render(request, "accounts/mfa_verify.html", {"form": form})
