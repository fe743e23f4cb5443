import time

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from soc import factories as f
from soc.accounts.middleware import SESSION_STARTED_KEY

pytestmark = pytest.mark.django_db
PASSWORD = "Correct-Horse-9"


def _sign_in(client, email, password=PASSWORD, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_production_hasher_is_argon2():
    from soc import settings as project_settings  # the module, not the test overrides

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sign_in_with_email_and_password_rotates_the_session(client):
    user = f.UserFactory(email="maria@example.org")
    client.get(reverse("login"))
    before = client.cookies.get("sessionid")
    response = _sign_in(client, "Maria@Example.org")
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != (before.value if before else None)
    assert int(client.session["_auth_user_id"]) == user.pk


def test_wrong_password_says_so_in_plain_words(client):
    f.UserFactory(email="maria@example.org")
    response = _sign_in(client, "maria@example.org", "nope")
    assert "do not match" in response.content.decode()


def test_account_is_locked_after_repeated_failures_from_many_addresses(client):
    f.UserFactory(email="maria@example.org")
    for i in range(django_settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "maria@example.org", "wrong", ip=f"10.0.0.{i + 1}")
    response = _sign_in(client, "maria@example.org", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_address_is_locked_after_failures_across_many_accounts(client):
    f.UserFactory(email="victim@example.org")
    for i in range(django_settings.AXES_FAILURE_LIMIT):
        _sign_in(client, f"guess{i}@example.org", "wrong", ip="10.6.6.6")
    assert _sign_in(client, "victim@example.org", PASSWORD, ip="10.6.6.6").status_code == 429
    # The real user from another address is not locked out by the attacker.
    assert _sign_in(client, "victim@example.org", PASSWORD, ip="10.1.1.1").status_code == 302


def test_language_choice_is_remembered_on_the_account(client):
    user = f.UserFactory()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "es", "next": "/account/"})
    user.refresh_from_db()
    assert user.language == "es"
    assert client.get(reverse("account")).headers["Content-Language"] == "es"


def test_session_idle_limit_is_30_minutes_and_absolute_limit_12_hours(client):
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(f.UserFactory())
    assert client.get(reverse("account")).status_code == 200
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 12 * 3600 - 1
    session.save()
    response = client.get(reverse("account"))
    assert response.status_code == 302 and reverse("login") in response.url
    assert client.get(reverse("account")).status_code == 302


def test_an_active_session_is_renewed_once_a_minute_not_on_every_request(client):
    from django.contrib.sessions.models import Session

    from soc.accounts.middleware import SESSION_RENEWED_KEY

    client.force_login(f.UserFactory())
    client.get(reverse("account"))
    key = client.session.session_key
    first = Session.objects.get(pk=key).expire_date
    client.get(reverse("account"))
    assert Session.objects.get(pk=key).expire_date == first  # no write within the minute

    session = client.session
    session[SESSION_RENEWED_KEY] = time.time() - django_settings.SESSION_RENEW_SECONDS - 1
    session.save()
    saved = Session.objects.get(pk=key).expire_date
    time.sleep(0.01)
    response = client.get(reverse("account"))
    assert response.status_code == 200
    assert Session.objects.get(pk=key).expire_date > saved  # idle expiry moved on
    assert response.cookies[django_settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60


def test_api_token_shown_once_and_stored_hashed(client):
    from soc.accounts.models import ApiToken

    user = f.StaffFactory()
    client.force_login(user)
    client.post(reverse("token_create"), {"label": "Reports"})
    page = client.get(reverse("account")).content.decode()
    token = ApiToken.objects.get(user=user)
    secret = page.split('<code class="soc-secret">')[1].split("<")[0]
    assert (
        secret.startswith("soc_")
        and token.key_hash != secret
        and ApiToken.objects.find(secret) == token
    )
    assert secret not in client.get(reverse("account")).content.decode()
