"""Tamper evidence: one hash chain per family, checked by `soc audit verify`."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from soc.audit.log import record, verify_chain
from soc.audit.models import GENESIS_HASH, AuditEvent
from soc.audit.schema import install_triggers, remove_triggers

pytestmark = pytest.mark.django_db


def _events(family_id=1, n=3):
    return [
        record(None, "family.view", ("families.family", str(family_id)), family_id=family_id)
        for _ in range(n)
    ]


def _tamper(sql, params=()):
    """What someone with database rights could do: lift the triggers, change rows, restore."""
    remove_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        install_triggers(connection)


def test_each_family_has_its_own_chain_counted_from_one():
    first, second = _events(family_id=1, n=2)
    other = _events(family_id=2, n=1)[0]
    third = _events(family_id=1, n=1)[0]
    assert [(e.chain, e.seq) for e in (first, second, third)] == [
        ("family:1", 1),
        ("family:1", 2),
        ("family:1", 3),
    ]
    assert (second.prev_hash, third.prev_hash) == (first.hash, second.hash)
    assert (other.chain, other.seq, other.prev_hash) == ("family:2", 1, GENESIS_HASH)


def test_events_without_a_family_chain_per_actor_and_the_platform_its_own(cast):
    mine = record(cast.member, "account.sign_in", cast.member)
    platform = record(None, "demo.seed", ("demo", "seed"))
    assert (mine.chain, platform.chain) == (f"actor:{cast.member.pk}", "system")


def test_verify_passes_and_counts_events_and_chains(capsys):
    _events(1)
    _events(2)
    call_command("audit", "verify")
    assert "6 events verified in 2 chains" in capsys.readouterr().out


def test_application_cannot_update_or_delete_events():
    event = _events()[0]
    event.reason = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_row_changed_directly_in_sql_fails_verification_naming_it():
    events = _events()
    _tamper("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["edited", events[1].pk])
    checked, bad, problem, _chains = verify_chain()
    assert (checked, bad.pk) == (1, events[1].pk)
    assert "hash" in problem
    with pytest.raises(CommandError, match=f"#{events[1].pk}"):
        call_command("audit", "verify")


def test_deleted_row_breaks_the_link_of_the_next_in_its_chain():
    events = _events()
    _events(family_id=2)
    _tamper("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    _checked, bad, problem, _chains = verify_chain()
    assert bad.pk == events[2].pk
    assert "link" in problem


def test_reordered_rows_break_the_chain():
    events = _events()
    # Swap the first two events' places in the table, contents and all.
    first, second = events[0].pk, events[1].pk
    _tamper("UPDATE audit_auditevent SET id = -1 WHERE id = %s", [first])
    _tamper("UPDATE audit_auditevent SET id = %s WHERE id = %s", [first, second])
    _tamper("UPDATE audit_auditevent SET id = %s WHERE id = -1", [second])
    _checked, bad, problem = verify_chain()[:3]
    assert bad.pk == first  # now holds the second event, whose link points at the first
    assert "link" in problem


def test_row_moved_to_another_family_is_caught():
    events = _events()
    _tamper("UPDATE audit_auditevent SET family_id = 99 WHERE id = %s", [events[2].pk])
    _checked, bad, problem = verify_chain()[:3]
    assert bad.pk == events[2].pk and "chain" in problem


def test_row_inserted_with_a_forged_hash_is_caught():
    events = _events()
    forged = AuditEvent(
        action="family.view",
        kind="read",
        object_type="families.family",
        object_id="1",
        family_id=1,
        chain="family:1",
        seq=4,
        prev_hash=events[2].hash,
        hash="f" * 64,
    )
    forged.save()  # inserting is allowed; only a correct hash would hide it
    _events()  # honest writers carry on after it
    _checked, bad, problem = verify_chain()[:3]
    assert bad.pk == forged.pk and "hash" in problem


def test_verify_one_family_checks_only_its_chain(capsys):
    ours = _events(family_id=1)
    theirs = _events(family_id=2)
    _tamper("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", [theirs[0].pk])
    call_command("audit", "verify", "--family", "1")
    assert "family 1's chain intact: 3 events verified" in capsys.readouterr().out
    with pytest.raises(CommandError, match=f"#{theirs[0].pk}"):
        call_command("audit", "verify", "--family", "2")
    assert verify_chain(family_id=1).checked == len(ours)


def test_verify_one_family_with_no_events_is_intact():
    assert verify_chain(family_id=12345) == (0, None, "", 0)
