"""Full-text search over services: on PostgreSQL a stored English + Spanish tsvector with its
index and a trigram index for typos; on SQLite an FTS5 table kept in step with the services by triggers.
Each half runs only on its own database."""

from django.db import migrations, models

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Stored, so ranking reads the vector instead of computing it again for every match.
    # The model does not know this column: only soc.directory.fulltext reads it.
    "ALTER TABLE directory_service ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, search_text) || "
    "to_tsvector('spanish'::regconfig, search_text)) STORED",
    "CREATE INDEX directory_service_fts ON directory_service USING gin (search_vector)",
    "CREATE INDEX directory_service_trgm ON directory_service USING gin "
    "(search_text gin_trgm_ops)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS directory_service_trgm",
    "DROP INDEX IF EXISTS directory_service_fts",
    "ALTER TABLE directory_service DROP COLUMN IF EXISTS search_vector",
]

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE directory_service_fts USING fts5("
    "service_id UNINDEXED, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO directory_service_fts (service_id, body) SELECT id, search_text FROM directory_service",
    "CREATE TRIGGER directory_service_fts_insert AFTER INSERT ON directory_service BEGIN "
    "INSERT INTO directory_service_fts (service_id, body) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER directory_service_fts_update AFTER UPDATE OF search_text ON directory_service "
    "BEGIN DELETE FROM directory_service_fts WHERE service_id = old.id; "
    "INSERT INTO directory_service_fts (service_id, body) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER directory_service_fts_delete AFTER DELETE ON directory_service BEGIN "
    "DELETE FROM directory_service_fts WHERE service_id = old.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS directory_service_fts_delete",
    "DROP TRIGGER IF EXISTS directory_service_fts_update",
    "DROP TRIGGER IF EXISTS directory_service_fts_insert",
    "DROP TABLE IF EXISTS directory_service_fts",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for vendor_name, sql in statements:
            if vendor == vendor_name:
                for statement in sql:
                    schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_search_text_metadata_required"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.RunPython(
            _run([("postgresql", PG_FORWARD), ("sqlite", SQLITE_FORWARD)]),
            _run([("postgresql", PG_BACKWARD), ("sqlite", SQLITE_BACKWARD)]),
        ),
    ]
