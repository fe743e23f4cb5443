"""A caregiver's relation to the children becomes a choice (shown in the reader's language),
with "other, in words" for the rest. Free text that names a choice becomes that choice;
anything else is kept word for word as "other"."""

from django.db import migrations, models

WORDS = {
    "mother": ["mother", "mom", "mum", "mama", "madre", "mamá", "mama"],
    "father": ["father", "dad", "papa", "padre", "papá"],
    "stepmother": ["stepmother", "step-mother", "step mother", "madrastra"],
    "stepfather": ["stepfather", "step-father", "step father", "padrastro"],
    "grandmother": ["grandmother", "grandma", "granny", "abuela"],
    "grandfather": ["grandfather", "grandpa", "abuelo"],
    "aunt": ["aunt", "auntie", "tía", "tia"],
    "uncle": ["uncle", "tío", "tio"],
    "sister": ["sister", "hermana"],
    "brother": ["brother", "hermano"],
    "cousin": ["cousin", "primo", "prima"],
    "foster_parent": [
        "foster parent", "foster mother", "foster father", "foster", "foster_parent",
        "madre de crianza", "padre de crianza", "madre temporal", "padre temporal",
    ],
    "adoptive_parent": [
        "adoptive parent", "adoptive mother", "adoptive father", "adoptive_parent",
        "madre adoptiva", "padre adoptivo",
    ],
}
CHOICE_FOR = {word: choice for choice, words in WORDS.items() for word in words}


def to_choices(apps, schema_editor):
    Person = apps.get_model("families", "Person")
    for person in Person.objects.exclude(relation="").only("id", "relation").iterator():
        text = person.relation.strip()
        choice = CHOICE_FOR.get(" ".join(text.lower().split()))
        if choice:
            Person.objects.filter(pk=person.pk).update(relation=choice)
        else:
            Person.objects.filter(pk=person.pk).update(relation="other", relation_other=text[:60])


def to_text(apps, schema_editor):
    Person = apps.get_model("families", "Person")
    for person in Person.objects.exclude(relation="").iterator():
        text = person.relation_other if person.relation == "other" else person.relation
        Person.objects.filter(pk=person.pk).update(relation=text or "other")


class Migration(migrations.Migration):

    dependencies = [
        ('families', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='relation_other',
            field=models.CharField(blank=True, help_text='Only if you chose “Other”: for example godmother or family friend.', max_length=60, verbose_name='relation, in your own words'),
        ),
        migrations.RunPython(to_choices, to_text),
        migrations.AlterField(
            model_name='person',
            name='pronouns',
            field=models.CharField(blank=True, max_length=40, verbose_name='pronouns'),
        ),
        migrations.AlterField(
            model_name='person',
            name='relation',
            field=models.CharField(blank=True, choices=[('mother', 'Mother'), ('father', 'Father'), ('stepmother', 'Stepmother'), ('stepfather', 'Stepfather'), ('grandmother', 'Grandmother'), ('grandfather', 'Grandfather'), ('aunt', 'Aunt'), ('uncle', 'Uncle'), ('sister', 'Sister'), ('brother', 'Brother'), ('cousin', 'Cousin'), ('foster_parent', 'Foster parent'), ('adoptive_parent', 'Adoptive parent'), ('other', 'Other (say in words)')], max_length=20, verbose_name='relation to the children'),
        ),
    ]
