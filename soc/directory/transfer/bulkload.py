"""Loading a directory into PostgreSQL the way its manual advises ("Populating a Database").

When an import writes most of a table's rows (a directory loaded, not refreshed), the table's
secondary indexes (those on its links, its full-text and trigram search indexes) and its
foreign-key checks are set aside before the first row goes in and restored once, at the end:
PostgreSQL builds an index from all its rows several times faster than it updates it row by
row, and checks a foreign key for the whole table with one join instead of one lookup per row.
The primary key and unique indexes stay. The definitions are read from the database, so they
come back exactly as the migrations made them, under the same names, and it all happens in the
import's transaction: a failed import rolls them back with everything else. The rows were
checked before (importing.check_references), so the restored checks find nothing; if they did,
the import would fail whole. The cost: the tables are locked until the import ends, so searches
of them wait. Other databases load row by row.
"""

from contextlib import contextmanager

from django.db import connection

# New rows from which a table is loaded this way (and only when they outnumber its rows).
BULK_LOAD = 10_000

_SECONDARY_INDEXES = """
SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = %s::regclass AND NOT x.indisprimary AND NOT x.indisunique
AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
"""
_FOREIGN_KEYS = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = %s::regclass AND contype = 'f'
"""


class BulkLoad:
    """set_aside(new rows by model) before the first write, restore() after the last."""

    def __init__(self):
        self.indexes, self.foreign_keys = [], []

    def set_aside(self, new_rows):
        if connection.vendor != "postgresql":
            return
        quote = connection.ops.quote_name
        loaded = [m for m, new in new_rows.items() if new >= BULK_LOAD and new >= m.objects.count()]
        if not loaded:
            return
        with connection.cursor() as cursor, _checks_now(cursor):
            for model in loaded:
                table = quote(model._meta.db_table)
                cursor.execute(_FOREIGN_KEYS, [table])
                for name, definition in cursor.fetchall():
                    cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
                    self.foreign_keys.append(
                        f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}"
                    )
                cursor.execute(_SECONDARY_INDEXES, [table])
                for name, definition in cursor.fetchall():
                    cursor.execute(f"DROP INDEX {quote(name)}")
                    self.indexes.append(definition)

    def restore(self):
        if not (self.indexes or self.foreign_keys):
            return
        with connection.cursor() as cursor, _checks_now(cursor):
            for statement in self.foreign_keys + self.indexes:
                cursor.execute(statement)
        self.indexes, self.foreign_keys = [], []


@contextmanager
def _checks_now(cursor):
    """A table with foreign-key checks pending takes no ALTER or CREATE INDEX: run the pending
    checks now (the commit would run them anyway), and defer them again after, as Django has
    them."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    yield
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
