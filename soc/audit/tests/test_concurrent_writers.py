"""Writers in several processes at once leave a log that verifies (PostgreSQL)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from soc.audit.log import verify_chain
from soc.audit.models import AuditEvent
from soc.audit.schema import install_triggers, remove_triggers

REPO = Path(__file__).resolve().parents[3]
WRITER = """
import django, sys
django.setup()
from soc.audit.log import record
family, n = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    record(None, "family.view", ("families.family", str(family)), family_id=family)
    if i % 5 == 0:  # and a chain every writer shares
        record(None, "demo.seed", ("demo", "seed"), detail={"writer": family})
"""


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


@pytest.fixture
def _committed_db():
    """Writes are committed so other processes see them; the flush afterwards must be able to
    empty the audit table, so its triggers come off at the end (as the shared conftest does)."""
    install_triggers(connection)
    yield
    remove_triggers(connection)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the test SQLite database is in memory"
)
@pytest.mark.django_db(transaction=True)
def test_four_processes_writing_at_once_leave_a_log_that_verifies(_committed_db):
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "soc.settings"}
    writers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script, no outside input
            [sys.executable, "-c", WRITER, str(family), "60"],
            cwd=REPO,
            env=env,
            stderr=subprocess.PIPE,
        )
        for family in (101, 102, 103, 104)
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()[-2000:]
    assert AuditEvent.objects.count() == 4 * 60 + 4 * 12
    result = verify_chain()
    assert (result.checked, result.bad, result.chains) == (288, None, 5)
    seqs = AuditEvent.objects.filter(chain="system").values_list("seq", flat=True)
    assert sorted(seqs) == list(range(1, 49))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the test SQLite database is in memory"
)
@pytest.mark.django_db(transaction=True)
def test_several_processes_verify_the_chains_between_them_and_name_the_first_bad_row(
    _committed_db,
):
    from soc.audit.log import record
    from soc.audit.parallel import verify_all

    events = [
        record(None, "family.view", ("families.family", str(family)), family_id=family)
        for _round in range(4)
        for family in range(201, 231)
    ]
    whole = verify_chain()
    assert verify_all(jobs=3) == whole  # same count and chains as one process
    assert (whole.checked, whole.chains, whole.bad) == (120, 30, None)

    later, earlier = events[100], events[40]  # two chains broken: the earlier one is named
    remove_triggers(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET reason = 'edited' WHERE id IN (%s, %s)",
            [later.pk, earlier.pk],
        )
    install_triggers(connection)
    result = verify_all(jobs=3)
    assert (result.bad.pk, result.problem) == (earlier.pk, verify_chain().problem)
    assert result.bad.pk == verify_chain().bad.pk
