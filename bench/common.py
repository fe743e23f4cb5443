"""Helpers shared by the benchmarks: databases, seeding, the user to sign in as, a session.

Functions that use the ORM need Django set up for the database in DATABASE_URL (the scripts
run them in a subprocess per database); the others only start commands.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"

# A server that behaves as in production for what is measured, without its side effects:
# DEBUG off, no second factor to confirm, no e-mail sent, background work dropped.
SERVER_ENV = {
    "DEBUG": "0",
    "SOC_ENV": "development",  # production would redirect plain HTTP to HTTPS
    "SOC_REQUIRE_MFA": "0",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "SOC_TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    "LOG_LEVEL": "WARNING",
}


def soc(arguments, database_url, **kwargs):
    """Run `python -m soc ...` from the checkout against `database_url`."""
    env = {**os.environ, **SERVER_ENV, "DATABASE_URL": database_url}
    return subprocess.run(
        [str(PYTHON), "-m", "soc", *arguments], env=env, cwd=ROOT, check=True, **kwargs
    )


def create_postgres_database(database_url):
    """Create the database in `database_url` if it does not exist (psycopg, no shell)."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as db:
        if db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        db.execute(f'CREATE DATABASE "{name}"')  # nosec B608: a name from our own flag
    return True


def seeded_families(database_url):
    """Families asked for by the `demo.seed` runs of this database, or None if not seeded."""
    out = soc(["shell", "-c", SEEDED_PROBE], database_url, capture_output=True, text=True).stdout
    last = (out.strip().splitlines() or ["None"])[-1]
    return None if last == "None" else int(last)


SEEDED_PROBE = """
from soc.audit.models import AuditEvent
from soc.families.models import Family
asked = [e.detail.get("families", 0) for e in AuditEvent.objects.filter(action="demo.seed")]
print(Family.objects.count() if asked and sum(asked) == Family.objects.count() else None)
"""


def ensure_seeded(database_url, families, seed=1):
    """Migrate, and seed `families` unless the database already holds exactly that seeding.

    Returns the seconds spent seeding (0 when reused). A database with other data is an error:
    pick another database name.
    """
    if database_url.startswith("postgres"):
        create_postgres_database(database_url)
    soc(["migrate", "--noinput", "-v0"], database_url)
    have = seeded_families(database_url)
    if have == families:
        if database_url.startswith("postgres"):
            vacuum_analyze(database_url)  # fresh statistics after migrations that rewrote rows
        return 0.0
    if have is not None or _has_families(database_url):
        sys.exit(f"{database_url} holds other data ({have} families): use another database.")
    started = time.monotonic()
    soc(["seed", "--families", str(families), "--seed", str(seed)], database_url)
    seconds = time.monotonic() - started
    if database_url.startswith("postgres"):
        vacuum_analyze(database_url)  # or autovacuum does it during the measurement
    return seconds


def vacuum_analyze(database_url):
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as db:
        db.execute("VACUUM (ANALYZE)")


def _has_families(database_url):
    out = soc(
        ["shell", "-c", "from soc.families.models import Family; print(Family.objects.exists())"],
        database_url,
        capture_output=True,
        text=True,
    ).stdout
    return out.strip().splitlines()[-1:] == ["True"]


# With Django set up:


def busiest_staff_user():
    """The agency staff member on the most teams (active memberships), lowest id first."""
    from django.db.models import Count, Q

    from soc.accounts.models import User

    return (
        User.objects.filter(organization__isnull=False, is_active=True)
        .annotate(teams=Count("memberships", filter=Q(memberships__status="active")))
        .order_by("-teams", "id")
        .first()
    )


def staff_user(email=None):
    from soc.accounts.models import User

    if email:
        return User.objects.get(email__iexact=email)
    return busiest_staff_user()


def signed_in_session(user):
    """A saved session that signs `user` in, as the sign-in view would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from soc.accounts.middleware import SESSION_STARTED_KEY

    session = SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "soc.accounts.backends.AccountBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[SESSION_STARTED_KEY] = time.time()  # SessionLimitsMiddleware: 12 hours from now
    session.save()
    return settings.SESSION_COOKIE_NAME, session.session_key
