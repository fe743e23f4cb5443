"""Search compares stored folded text (soc/textsearch.py `KeepsFoldedText`); existing rows get
it here with the same SQL expression the search used to run per row, in one UPDATE a table.
Reversing drops the columns, so the backfill has nothing to undo."""

from django.db import migrations, models

from soc.textsearch import Folded, full_name


def backfill(apps, schema_editor):
    apps.get_model("families", "Family").objects.update(name_folded=Folded("display_name"))
    apps.get_model("families", "Person").objects.update(name_folded=Folded(full_name()))


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0002_relation_is_a_choice"),
    ]

    operations = [
        migrations.AddField(
            model_name="family",
            name="name_folded",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="person",
            name="name_folded",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
