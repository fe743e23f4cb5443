"""A load into PostgreSQL sets a table's indexes and foreign keys aside and puts them back as
they were, with the same records as a row-by-row import; an interrupted load keeps them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soc.directory.transfer import bulkload
from soc.directory.transfer.importing import import_rows
from soc.directory.transfer.nesting import TABLES
from soc.directory.transfer.reading import read

from .hsds_schema import EXAMPLES
from .snapshots import empty_directory, snapshot

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL load"),
]


def schema():
    """Every constraint and index of the directory's tables, as the database describes them."""
    with connection.cursor() as cursor:
        return {
            model._meta.db_table: connection.introspection.get_constraints(
                cursor, model._meta.db_table
            )
            for model in TABLES
        }


@pytest.fixture
def every_table_loaded(monkeypatch):
    """Any import into an empty directory counts as a load."""
    monkeypatch.setattr(bulkload, "BULK_LOAD", 1)
    empty_directory()


def test_a_load_gives_the_records_of_a_row_by_row_import_and_the_same_schema(
    every_table_loaded, monkeypatch
):
    monkeypatch.setattr(bulkload, "BULK_LOAD", 10**9)
    import_rows(read(EXAMPLES / "csv"))
    row_by_row = snapshot()
    empty_directory()
    monkeypatch.setattr(bulkload, "BULK_LOAD", 1)
    before = schema()
    with CaptureQueriesContext(connection) as queries:
        import_rows(read(EXAMPLES / "csv"))
    statements = [q["sql"] for q in queries.captured_queries]
    assert any(s.startswith("DROP INDEX") for s in statements)
    assert any("DROP CONSTRAINT" in s for s in statements)
    assert schema() == before
    assert snapshot() == row_by_row


class Interrupted(Exception):
    pass


def test_an_interrupted_load_leaves_the_directory_and_its_schema_as_they_were(
    every_table_loaded,
):
    before, records = schema(), snapshot()

    def crash_halfway(done, total):
        if done >= total // 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        import_rows(read(EXAMPLES / "csv"), progress=crash_halfway)
    assert schema() == before
    assert snapshot() == records


def test_a_refresh_is_written_row_by_row(every_table_loaded):
    import_rows(read(EXAMPLES / "csv"))
    with CaptureQueriesContext(connection) as queries:
        import_rows(read(EXAMPLES / "csv"))
    assert not any("DROP" in q["sql"] for q in queries.captured_queries)
