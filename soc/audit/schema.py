"""Database triggers that make the audit table append-only, for SQLite and PostgreSQL."""

TABLE = "audit_auditevent"
MESSAGE = "audit events are append-only"

SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_no_update;",
    "DROP TRIGGER IF EXISTS audit_no_delete;",
]

POSTGRES_INSTALL = [
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql;",
    f"CREATE OR REPLACE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only();",
    f"CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();",
]
POSTGRES_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_no_change ON {TABLE};",
    f"DROP TRIGGER IF EXISTS audit_no_truncate ON {TABLE};",
]


def _run(connection, statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install_triggers(connection):
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_INSTALL)
    else:
        _run(connection, SQLITE_INSTALL)


def remove_triggers(connection):
    """Only for database maintenance and test teardown; never called by the application."""
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_REMOVE)
    else:
        _run(connection, SQLITE_REMOVE)
