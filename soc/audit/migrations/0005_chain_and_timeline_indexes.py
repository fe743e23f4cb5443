import django.utils.timezone
from django.db import migrations, models


def install(apps, schema_editor):
    from soc.audit.schema import install_triggers

    # On SQLite the unique constraint rebuilds the table, which drops its triggers.
    install_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_rechain_existing_events")]

    operations = [
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(
                fields=("chain", "seq"), name="audit_one_event_per_chain_seq"
            ),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["family_id", "kind", "id"], name="audit_family_kind_id"),
        ),
        # The index above starts with family_id, so the one on family_id alone only costs writes;
        # nothing asks by time alone.
        migrations.AlterField(
            model_name="auditevent",
            name="family_id",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
