"""The statewide crisis lines every North Carolina crisis plan can offer.

County mobile crisis lines are entered by an administrator from the county's (or its LME/MCO's)
published number: a wrong crisis number is worse than none, so none is guessed here.
"""

from django.db import migrations

STATEWIDE = [
    (
        "988 Suicide & Crisis Lifeline",
        "988",
        "Call or text, 24/7. Press 2 for Spanish.",
        "Llame o envíe un texto, las 24 horas. Marque 2 para español.",
    ),
    ("Hope4NC Helpline", "1-855-587-3463", "Call, 24/7.", "Llame, las 24 horas."),
]


def seed(apps, schema_editor):
    CrisisLine = apps.get_model("plans", "CrisisLine")
    for position, (name, phone, how, how_es) in enumerate(STATEWIDE):
        CrisisLine.objects.get_or_create(
            name=name,
            county=None,
            defaults={"phone": phone, "how": how, "how_es": how_es, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_plans_and_their_versions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
