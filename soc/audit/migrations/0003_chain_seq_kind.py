from django.db import migrations, models


def install(apps, schema_editor):
    from soc.audit.schema import install_triggers

    install_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    """Columns for one hash chain per family; 0004 fills them, 0005 adds the indexes."""

    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="chain",
            field=models.CharField(default="", max_length=40),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="kind",
            field=models.CharField(default="", max_length=12),
            preserve_default=False,
        ),
        # On SQLite adding a column rebuilds the table, which drops its triggers; put them back
        # (0004 and 0005 do the same after their own changes).
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
