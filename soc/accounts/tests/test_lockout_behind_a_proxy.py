"""Behind trusted reverse proxies, lockouts (and the audit trail) key on the real client's
address, read from X-Forwarded-For as far as our own proxies vouch for it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from soc import factories as f
from soc.addresses import client_address
from soc.audit.log import client_address as audited_address
from soc.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def _fail(client, email, forwarded, remote=PROXY):
    return client.post(
        reverse("login"),
        {"username": email, "password": "wrong-password"},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    ).status_code


def _emails(n):
    return [f.UserFactory().email for _ in range(n)]


def test_behind_one_proxy_five_failures_lock_only_that_client(client, settings):
    settings.SOC_PROXY_COUNT = 1
    # One client guessing at many accounts: locked by address after the limit.
    answers = [_fail(client, email, "203.0.113.9") for email in _emails(6)]
    assert answers[-1] == 429
    # Another client behind the same proxy still gets to try.
    assert _fail(client, _emails(1)[0], "198.51.100.4") == 200


def test_a_forged_forwarded_for_does_not_buy_fresh_tries(client, settings):
    settings.SOC_PROXY_COUNT = 1
    # The attacker writes a new address each time; our proxy appends the real one.
    answers = [
        _fail(client, email, f"192.0.2.{i}, 203.0.113.9") for i, email in enumerate(_emails(6))
    ]
    assert answers[-1] == 429


def test_without_proxies_the_header_is_ignored(client, settings):
    settings.SOC_PROXY_COUNT = 0
    answers = [
        _fail(client, email, f"192.0.2.{i}", remote="203.0.113.9")
        for i, email in enumerate(_emails(6))
    ]
    assert answers[-1] == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.1", PROXY),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "192.0.2.1, 203.0.113.9", "203.0.113.9"),
        (2, "192.0.2.1, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", PROXY),  # too few hops: it did not come through our proxies
        (1, None, PROXY),
    ],
)
def test_client_address_is_the_nth_forwarded_hop(settings, proxies, forwarded, expected):
    settings.SOC_PROXY_COUNT = proxies
    meta = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **meta)
    assert client_address(request) == expected == audited_address(request)


def test_the_audit_trail_records_the_real_client(client, settings):
    settings.SOC_PROXY_COUNT = 1
    user = f.UserFactory()
    client.post(
        reverse("login"),
        {"username": user.email, "password": "Correct-Horse-9"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.50, 203.0.113.9",
    )
    assert AuditEvent.objects.get(action="account.sign_in").ip_address == "203.0.113.9"
