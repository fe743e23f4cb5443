import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa(settings):
    settings.SOC_REQUIRE_MFA = True


def _code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_staff_must_set_up_a_second_factor_before_seeing_anything(client, cast, mfa):
    client.force_login(cast.facilitator)
    family_url = reverse("family", args=[cast.family.pk])
    assert client.get(family_url).url == reverse("mfa_setup")
    assert client.get(f"/api/v1/families/{cast.family.pk}").status_code == 403
    page = client.get(reverse("mfa_setup"))
    assert page.status_code == 200 and "data:image/svg+xml" in page.content.decode()
    device = TOTPDevice.objects.get(user=cast.facilitator)
    assert (
        client.post(
            reverse("mfa_setup"), {"code": "000000" if _code(device) != "000000" else "111111"}
        ).status_code
        == 200
    )
    # django-otp throttles after a wrong code; a person would wait a moment.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    assert client.post(reverse("mfa_setup"), {"code": _code(device)}).status_code == 302
    assert client.get(family_url).status_code == 200


def test_next_sign_in_asks_for_the_code(client, cast, mfa):
    device = TOTPDevice.objects.create(user=cast.facilitator, name="app", confirmed=True)
    client.post(
        reverse("login"), {"username": cast.facilitator.email, "password": "Correct-Horse-9"}
    )
    assert client.get(reverse("home")).url == reverse("mfa_verify")
    assert client.post(reverse("mfa_verify"), {"code": _code(device)}).status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_family_members_are_not_asked_for_a_second_factor(client, cast, mfa):
    client.force_login(cast.caregiver)
    assert client.get(reverse("family", args=[cast.family.pk])).status_code == 200


def test_required_by_default_in_production():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "SOC_ENV": "production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "x.example.org",
    }
    env.pop("SOC_REQUIRE_MFA", None)
    code = "from django.conf import settings; import django; django.setup(); print(settings.SOC_REQUIRE_MFA)"
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "soc.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == "True"
