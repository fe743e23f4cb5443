import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from soc.audit.log import record, verify_chain
from soc.audit.models import AuditEvent
from soc.audit.schema import install_triggers, remove_triggers

pytestmark = pytest.mark.django_db


def _three_events():
    return [
        record(None, "family.view", ("families.family", "1"), family_id=1, reason=f"r{i}")
        for i in range(3)
    ]


def test_events_are_chained_and_verify_passes(capsys):
    events = _three_events()
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    call_command("audit", "verify")
    assert "3 events verified" in capsys.readouterr().out


def test_application_cannot_update_or_delete_events():
    event = _three_events()[0]
    event.action = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "family.view"


def test_row_changed_directly_in_sql_fails_verification_naming_it():
    events = _three_events()
    # Someone with database rights drops the triggers and edits a row.
    remove_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["edited", events[1].pk]
            )
    finally:
        install_triggers(connection)
    checked, bad, problem, _chains = verify_chain()
    assert (checked, bad.pk) == (1, events[1].pk)
    assert "hash" in problem
    with pytest.raises(CommandError, match=f"#{events[1].pk}"):
        call_command("audit", "verify")


def test_deleted_row_breaks_the_link_of_the_next():
    events = _three_events()
    remove_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    finally:
        install_triggers(connection)
    _checked, bad, problem, _chains = verify_chain()
    assert bad.pk == events[2].pk
    assert "link" in problem
