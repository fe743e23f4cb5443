"""Search at 50,000 services (issue #13): the vocabulary typos are corrected against (with a
trigram index on PostgreSQL), composite indexes for the filters and the distance box, and no more
trigram index over every service's text (nothing matches against it now)."""

import re

from django.db import migrations, models

PUBLIC = ("active", "temporarily closed")
PG_FORWARD = [
    "CREATE INDEX directory_searchword_trgm ON directory_searchword USING gin (word gin_trgm_ops)",
    "DROP INDEX IF EXISTS directory_service_trgm",
]
PG_BACKWARD = [
    "CREATE INDEX IF NOT EXISTS directory_service_trgm ON directory_service USING gin "
    "(search_text gin_trgm_ops)",
    "DROP INDEX IF EXISTS directory_searchword_trgm",
]


def _pg(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


def fill_vocabulary(apps, schema_editor):
    """The words of the public services held now (as soc.directory.vocabulary keeps them)."""
    Service = apps.get_model("directory", "Service")
    SearchWord = apps.get_model("directory", "SearchWord")
    words = set()
    texts = Service.objects.filter(status__in=PUBLIC).values_list("search_text", flat=True)
    for text in texts.iterator(chunk_size=2000):
        words.update(w for w in re.findall(r"[a-z0-9]+", text or "") if len(w) <= 40)
    SearchWord.objects.bulk_create(
        [SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True, batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_emergency_access_permission"),
        ("directory", "0004_service_search"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
            ],
            options={
                "ordering": ["word"],
            },
        ),
        migrations.AddIndex(
            model_name="attribute",
            index=models.Index(fields=["taxonomy_term", "link_id"], name="dir_attribute_term_link"),
        ),
        migrations.AddIndex(
            model_name="language",
            index=models.Index(fields=["code", "service"], name="dir_language_code_service"),
        ),
        migrations.AddIndex(
            model_name="language",
            index=models.Index(fields=["code", "location"], name="dir_language_code_location"),
        ),
        migrations.AddIndex(
            model_name="location",
            index=models.Index(fields=["latitude", "longitude"], name="dir_location_lat_lon"),
        ),
        migrations.AddIndex(
            model_name="servicearea",
            index=models.Index(fields=["county", "service"], name="dir_area_county_service"),
        ),
        migrations.AddIndex(
            model_name="serviceatlocation",
            index=models.Index(fields=["location", "service"], name="dir_sal_location_service"),
        ),
        migrations.RunPython(_pg(PG_FORWARD), _pg(PG_BACKWARD)),
        migrations.RunPython(fill_vocabulary, migrations.RunPython.noop),
    ]
