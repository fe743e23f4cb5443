"""Search: case- and accent-insensitive on both databases, phone numbers by their digits,
next steps too; only through the policy."""

import pytest
from django.urls import reverse

from soc import factories as f
from soc.families.models import Person
from soc.teams.models import NextStep
from soc.teams.search import search_my_families
from soc.textsearch import fold

pytestmark = pytest.mark.django_db


def test_fold_drops_accents_and_case():
    assert fold("Sofía HERNÁNDEZ Peña") == "sofia hernandez pena"


@pytest.fixture
def hernandez(cast):
    f.PersonFactory(family=cast.family, first_name="Sofía", last_name="Hernández", phone="")
    Person.objects.filter(pk=cast.child.pk).update(phone="(919) 555-0123")
    return cast


@pytest.mark.parametrize("query", ["Hernandez", "hernández", "HERNANDEZ", "sofia hernandez"])
def test_names_match_whatever_the_accents_and_case(hernandez, query):
    results = search_my_families(hernandez.facilitator, query)
    assert [fam.pk for fam in results.families] == [hernandez.family.pk]


@pytest.mark.parametrize("query", ["919-555-0123", "9195550123", "(919) 555 0123", "555-0100"])
def test_phone_numbers_match_on_their_digits(hernandez, query):
    # 555-0100 is the grandmother's phone, a team member without an account.
    assert search_my_families(hernandez.facilitator, query).families == [hernandez.family]


def test_every_word_must_match(hernandez):
    assert search_my_families(hernandez.facilitator, "Sofia Nobody").families == []


def test_next_steps_are_found_and_protected_ones_only_when_readable(hernandez):
    cast = hernandez
    f.NextStepFactory(
        team=cast.team, responsible=cast.member_membership, description="Llamar a la clínica"
    )
    f.NextStepFactory(
        team=cast.team,
        responsible=cast.member_membership,
        description="Clínica de recuperación",
        category="substance_use",
        author=cast.facilitator,
    )
    found = search_my_families(cast.member, "clinica").next_steps
    assert [s.description for s in found] == ["Llamar a la clínica"]
    mine = search_my_families(cast.facilitator, "CLINICA").next_steps
    assert {s.description for s in mine} == {"Llamar a la clínica", "Clínica de recuperación"}
    assert all(NextStep.objects.visible_to(cast.member).filter(pk=s.pk).exists() for s in found)


def test_people_outside_the_team_find_nothing(hernandez):
    for user in (hernandez.other_org_staff, hernandez.proposed, hernandez.superuser):
        results = search_my_families(user, "Hernandez")
        assert results.families == [] and results.next_steps == []
        assert search_my_families(user, "919-555-0123").families == []


def test_search_page_shows_next_steps_and_the_family_in_spanish(client, hernandez):
    f.NextStepFactory(
        team=hernandez.team, responsible=hernandez.member_membership, description="Cita médica"
    )
    client.force_login(hernandez.caregiver)
    page = client.get(reverse("search"), {"q": "medica"}).content.decode()
    assert "Cita médica" in page and "Próximos pasos" in page
