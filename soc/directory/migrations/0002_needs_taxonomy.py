from django.db import migrations


def load(apps, schema_editor):
    from soc.directory.needs import load_needs_taxonomy

    load_needs_taxonomy(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
