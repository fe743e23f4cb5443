from django.db import migrations


def load_counties(apps, schema_editor):
    import csv

    from soc.accounts.models import COUNTIES_CSV

    County = apps.get_model("accounts", "County")
    with COUNTIES_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    have = set(County.objects.values_list("fips", flat=True))
    County.objects.bulk_create([County(fips=r["fips"], name=r["name"]) for r in rows if r["fips"] not in have])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(load_counties, migrations.RunPython.noop)]
