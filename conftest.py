"""Shared fixtures: the usual people around one family's team, on a real database."""

import os
import shutil

import pytest

# Background work runs at once in tests, so e-mails can be read back from the outbox.
os.environ.setdefault("SOC_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: browser tests cannot run.")
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is not installed (run `make test` as root to install it)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 is the production hasher (tested in accounts); tests hash thousands of passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _counties(request):
    """Counties ship as a data migration; a transactional test's flush removes them, so reload."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.db import connection

        from soc.accounts.models import County
        from soc.audit.schema import install_triggers, remove_triggers

        install_triggers(connection)
        County.load_north_carolina()
        yield
        # The flush after a transactional test must be able to empty the audit table.
        remove_triggers(connection)
    else:
        yield
