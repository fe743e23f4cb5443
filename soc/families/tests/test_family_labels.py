"""Family-facing labels in the reader's language: the family's name and how people are related."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from soc import factories as f
from soc.families.models import Family, Person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "english", "spanish"),
    [
        ("The Rivera family", "The Rivera family", "La familia Rivera"),
        ("the  García-López family ", "The García-López family", "La familia García-López"),
        ("La familia Nguyen", "The Nguyen family", "La familia Nguyen"),
        ("Rivera household", "Rivera household", "Rivera household"),  # her words, as written
        ("The family", "The family", "The family"),
    ],
)
def test_family_name_reads_in_the_readers_language(written, english, spanish):
    family = Family(display_name=written)
    with translation.override("en"):
        assert family.name == english and str(family) == english
    with translation.override("es"):
        assert family.name == spanish


def test_relation_reads_in_spanish_and_other_in_the_familys_words():
    with translation.override("es"):
        assert Person(relation="grandmother").relation_label == "Abuela"
        assert Person(relation="other", relation_other="madrina").relation_label == "madrina"
        assert Person(relation="").relation_label == ""


def test_team_page_shows_translated_name_and_relation(client, cast):
    client.force_login(cast.caregiver)  # Spanish
    html = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "La familia Rivera" in html
    assert "Madre" in html and "· mother" not in html


def test_other_relation_needs_words(client, cast):
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("person_add", args=[cast.family.pk]),
        {
            "role": "caregiver",
            "first_name": "Tere",
            "relation": "other",
            "preferred_language": "es",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["relation_other"]
    response = client.post(
        reverse("person_add", args=[cast.family.pk]),
        {
            "role": "caregiver",
            "first_name": "Tere",
            "relation": "other",
            "relation_other": "madrina",
            "preferred_language": "es",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(first_name="Tere").relation_label == "madrina"


def test_person_form_defaults_to_the_familys_language(client, cast):
    client.force_login(cast.facilitator)
    form = client.get(reverse("person_add", args=[cast.family.pk])).context["form"]
    assert form["preferred_language"].value() == "es"


def test_migration_maps_free_text_to_choices_and_keeps_the_rest_as_other():
    migration = importlib.import_module("soc.families.migrations.0002_relation_is_a_choice")
    family = f.FamilyFactory()
    rows = {
        "Madre": ("mother", ""),
        "grandma": ("grandmother", ""),
        "Foster  Parent": ("foster_parent", ""),
        "tía": ("aunt", ""),
        "Godmother": ("other", "Godmother"),
    }
    people = {}
    for text in rows:
        people[text] = Person.objects.create(family=family, role="caregiver", first_name="X")
        Person.objects.filter(pk=people[text].pk).update(relation=text[:20])
    migration.to_choices(apps, None)
    for text, expected in rows.items():
        person = Person.objects.get(pk=people[text].pk)
        assert (person.relation, person.relation_other) == expected
