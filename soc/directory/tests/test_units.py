"""A capacity's unit is read in the reader's language, whatever language the provider typed."""

import pytest
from django.utils import translation

from soc.directory import units
from soc.directory.actions import update_capacity
from soc.directory.rules import directory_admins_group
from soc.factories import StaffFactory

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("Plazas", "places"), (" camas ", "beds"), ("Niños", "children"), ("", "places"),
     ("citas", "appointments"), ("weekly groups", "weekly groups")],
)  # fmt: skip
def test_a_known_unit_is_stored_as_one_word_and_any_other_as_typed(typed, stored):
    assert units.code_for(typed) == stored


def test_the_unit_a_provider_typed_in_spanish_is_read_in_english_and_the_other_way():
    admin = StaffFactory()
    admin.groups.add(directory_admins_group())
    service = ServiceFactory()
    with translation.override("es"):
        update_capacity(
            admin, service.pk, version=service.version, status="has-capacity", unit="plazas",
            available=3, maximum=10,
        )  # fmt: skip
    update_capacity(
        admin, service.pk, version=service.version + 1, status="has-capacity", unit="places",
        available=2, maximum=10,
    )  # fmt: skip
    (capacity,) = service.capacities.all()  # one capacity, not one per language
    assert (capacity.unit, capacity.available) == ("places", 2)
    with translation.override("en"):
        assert str(capacity.unit_label) == "places"
    with translation.override("es"):
        assert str(capacity.unit_label) == "lugares"


def test_a_unit_stored_as_typed_before_is_still_translated_and_an_unknown_one_kept():
    with translation.override("en"):
        assert str(units.label("Camas")) == "beds"
        assert units.label("weekly groups") == "weekly groups"
