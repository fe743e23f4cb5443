from django.db import migrations


def seed(apps, schema_editor):
    from soc.reporting.vocabulary import load_data_items

    load_data_items(apps.get_model("reporting", "DataItem"))


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_requirements_and_data_items")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
