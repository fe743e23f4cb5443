"""Search compares stored folded text (soc/textsearch.py `KeepsFoldedText`); existing rows get
it here with the same SQL expression the search used to run per row, in one UPDATE a table.
Reversing drops the columns, so the backfill has nothing to undo."""

from django.db import migrations, models
from django.db.models import TextField, Value
from django.db.models.functions import Concat

from soc.textsearch import Folded


def backfill(apps, schema_editor):
    apps.get_model("teams", "Membership").objects.update(name_folded=Folded("name"))
    apps.get_model("teams", "NextStep").objects.update(description_folded=Folded("description"))
    notes = Concat("notes", Value(" "), "decisions", output_field=TextField())
    apps.get_model("teams", "Meeting").objects.update(
        agenda_folded=Folded("agenda"), notes_folded=Folded(notes)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0005_meetings_held_answers_and_interpreters"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="agenda_folded",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="meeting",
            name="notes_folded",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="membership",
            name="name_folded",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.AddField(
            model_name="nextstep",
            name="description_folded",
            field=models.TextField(blank=True, db_default="", default="", editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
