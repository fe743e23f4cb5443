from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from soc import factories as f

pytestmark = pytest.mark.django_db


def test_the_101st_failure_within_an_hour_is_refused_even_from_many_addresses(client):
    f.UserFactory(email="maria@example.org")
    answers = [
        client.post(
            reverse("login"),
            {"username": "maria@example.org", "password": f"guess-{i}"},
            REMOTE_ADDR=f"10.{i // 250}.{i % 250}.7",
        ).status_code
        for i in range(101)
    ]
    assert answers[-1] == 429
    assert answers.count(200) <= settings.AXES_FAILURE_LIMIT  # only these were even checked


def test_lockout_settings_allow_at_most_100_tries_per_account_per_hour():
    windows_per_hour = timedelta(hours=1) / settings.AXES_COOLOFF_TIME
    assert settings.AXES_FAILURE_LIMIT * max(windows_per_hour, 1) <= 100
    assert "username" in settings.AXES_LOCKOUT_PARAMETERS
