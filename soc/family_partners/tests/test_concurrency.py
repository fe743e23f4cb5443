"""Two family partners claim the same request at the same moment: one claim wins, the other is
told (PostgreSQL row lock; SQLite serializes writers, so it runs on PostgreSQL only)."""

import threading

import pytest
from django.db import connection, connections

from .. import actions
from ..models import FamilyRequest
from .builders import family_organization, partner, send_request


@pytest.fixture
def _committed_db():
    from soc.accounts.models import County
    from soc.audit.schema import install_triggers, remove_triggers

    install_triggers(connection)
    County.load_north_carolina()
    yield
    remove_triggers(connection)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_claims_cannot_both_win(_committed_db):
    org = family_organization("Wake Family Partners", "Wake")
    partners = [partner(org, "Pam Partner"), partner(org, "Pat Partner")]
    sent = send_request()
    start = threading.Barrier(2)
    outcomes = []

    def claim(user):
        try:
            mine = FamilyRequest.objects.get(pk=sent.pk)
            start.wait()
            actions.claim(user, mine, version=1)
            outcomes.append(user.full_name)
        except actions.AlreadyClaimed as refused:
            outcomes.append(type(refused).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(user,)) for user in partners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = FamilyRequest.objects.get(pk=sent.pk)
    assert sorted(outcomes, key=len) == sorted(
        [stored.claimed_by.full_name, "AlreadyClaimed"], key=len
    )
    assert stored.version == 2
