"""Who may call the API: personal tokens, the browser session with CSRF, nobody else."""

from datetime import timedelta

from django.conf import settings
from django.test import Client
from django.utils import timezone

from soc import factories as f
from soc.accounts.models import ApiToken
from soc.api.testing import API, ApiClient
from soc.families.models import Family

CSRF_SECRET = "a" * 32  # a valid unmasked CSRF secret, sent as both cookie and header


def test_token_authenticates_and_records_when_it_was_used(db):
    user = f.StaffFactory(full_name="Tina Token")
    token, secret = ApiToken.issue(user, "laptop")
    response = ApiClient(secret=secret).get("/me")
    assert response.status_code == 200
    assert response.json()["full_name"] == "Tina Token"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(db):
    user = f.StaffFactory()
    token, secret = ApiToken.issue(user, "laptop")
    recently = timezone.now() - timedelta(seconds=30)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recently)
    ApiClient(secret=secret).get("/me")
    token.refresh_from_db()
    assert token.last_used_at == recently
    a_while_ago = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_while_ago)
    ApiClient(secret=secret).get("/me")
    token.refresh_from_db()
    assert token.last_used_at > a_while_ago


def test_revoked_token_is_401(db):
    token, secret = ApiToken.issue(f.StaffFactory(), "old laptop")
    token.revoke()
    response = ApiClient(secret=secret).get("/me")
    assert response.status_code == 401
    assert response.json()["detail"] and response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_is_401_even_with_a_signed_in_session(db):
    client = Client(headers={"authorization": "Bearer soc_not-a-token"})
    client.force_login(f.StaffFactory())
    assert client.get(API + "/me").status_code == 401


def test_token_of_an_inactive_user_is_401(db):
    user = f.StaffFactory()
    _token, secret = ApiToken.issue(user, "laptop")
    user.is_active = False
    user.save()
    assert ApiClient(secret=secret).get("/me").status_code == 401


def test_anonymous_is_401_for_reads_and_writes(cast, anonymous_api):
    assert anonymous_api.get("/me").status_code == 401
    assert anonymous_api.get(f"/families/{cast.family.pk}").status_code == 401
    response = anonymous_api.patch(f"/families/{cast.family.pk}", {"version": 1})
    assert response.status_code == 401


def test_session_authenticates_reads(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.caregiver)
    response = client.get(f"{API}/families/{cast.family.pk}")
    assert response.status_code == 200 and response.json()["display_name"] == "The Rivera family"


def test_session_write_without_csrf_token_is_refused_and_changes_nothing(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.caregiver)
    response = client.patch(
        f"{API}/families/{cast.family.pk}",
        {"version": 1, "display_name": "Hijacked"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Family.objects.get(pk=cast.family.pk).display_name == "The Rivera family"


def test_session_write_with_csrf_token_works(cast):
    client = Client(enforce_csrf_checks=True, headers={"x-csrftoken": CSRF_SECRET})
    client.force_login(cast.caregiver)
    client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
    response = client.patch(
        f"{API}/families/{cast.family.pk}",
        {"version": 1, "display_name": "La familia Rivera"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert Family.objects.get(pk=cast.family.pk).display_name == "La familia Rivera"


def test_session_of_an_inactive_user_is_401(cast):
    client = Client()
    client.force_login(cast.caregiver)
    cast.caregiver.is_active = False
    cast.caregiver.save()
    assert client.get(f"{API}/families/{cast.family.pk}").status_code == 401


def test_me_shows_language_and_organization(cast, api_as):
    body = api_as(cast.facilitator).get("/me").json()
    assert body["language"] == "en"
    assert body["organization"]["name"] == "Wake County Human Services"
    assert api_as(cast.caregiver).get("/me").json()["organization"] is None
