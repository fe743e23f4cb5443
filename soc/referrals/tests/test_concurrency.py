"""Two people change the same referral at the same moment: one change applies, the other is
refused (PostgreSQL row lock; SQLite serializes writers, so it runs on PostgreSQL only)."""

import threading

import pytest
from django.db import connection, connections

from soc.referrals import actions
from soc.referrals.models import Referral
from soc.versioning import StaleVersion

from .builders import add_referral


@pytest.fixture
def _committed_db():
    """Both threads must see committed rows; the flush afterwards must be able to empty the
    audit table, so its triggers come off at the end (as the shared conftest does)."""
    from soc.accounts.models import County
    from soc.audit.schema import install_triggers, remove_triggers
    from soc.directory.models import Taxonomy, TaxonomyTerm
    from soc.directory.needs import load_needs_taxonomy

    install_triggers(connection)
    County.load_north_carolina()
    load_needs_taxonomy(Taxonomy, TaxonomyTerm)
    yield
    remove_triggers(connection)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_changes_cannot_both_apply(_committed_db, cast):
    referral = add_referral(cast)
    start = threading.Barrier(2)
    outcomes = []

    def change(to, reason):
        try:
            start.wait()
            actions.transition(referral, to, cast.provider, reason=reason, expected_version=2)
            outcomes.append(to)
        except (StaleVersion, actions.IllegalTransition) as refused:
            outcomes.append(type(refused).__name__)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=change, args=("accepted", "")),
        threading.Thread(target=change, args=("rejected", "no-capacity")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = Referral.objects.get(pk=referral.pk)
    assert "StaleVersion" in outcomes and stored.status in outcomes
    assert stored.version == 3 and stored.events.count() == 3
