"""Meetings and next steps become case records: a direct family, and one name for the author."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_family(apps, schema_editor):
    """One UPDATE per table: a row's family is its team's."""
    Team = apps.get_model("teams", "Team")
    family = Subquery(Team.objects.filter(pk=OuterRef("team_id")).values("family_id")[:1])
    for name in ("Meeting", "NextStep"):
        apps.get_model("teams", name).objects.update(family_id=family)


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0001_initial"),
        ("families", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("meeting", "notes_by", "author"),
        migrations.RenameField("nextstep", "created_by", "author"),
        migrations.AlterField(
            model_name="nextstep",
            name="author",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="nextstep",
            name="category",
            field=models.CharField(
                choices=[
                    ("general", "General"),
                    ("mental_health", "Mental health"),
                    ("substance_use", "Substance use (42 CFR Part 2)"),
                    ("education", "Education (FERPA)"),
                    ("child_welfare", "Child welfare"),
                    ("juvenile_justice", "Juvenile justice"),
                    ("health", "Health"),
                ],
                default="general",
                max_length=20,
                verbose_name="kind of information",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="family",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="families.family",
            ),
        ),
        migrations.AddField(
            model_name="nextstep",
            name="family",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="families.family",
            ),
        ),
        migrations.RunPython(fill_family, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="meeting",
            name="family",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="families.family",
            ),
        ),
        migrations.AlterField(
            model_name="nextstep",
            name="family",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="families.family",
            ),
        ),
    ]
