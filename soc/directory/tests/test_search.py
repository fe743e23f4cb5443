"""search_services: relevance in English and Spanish, each filter, distance, fixed query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soc.accounts.models import County
from soc.directory import models as m
from soc.directory.search import search_services, words_of
from soc.directory.service_facts import facts

from .curated import curated_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    return curated_directory()


def names(page):
    return [s.name for s in page.object_list]


def test_words_are_folded_and_stop_words_of_both_languages_dropped():
    assert words_of("Clases PARA padres en ESPAÑOL") == ["clases", "padres", "espanol"]
    assert words_of("the") == ["the"]


@pytest.mark.parametrize(
    "query",
    [
        "clases para padres en español",
        "clases para padres en espanol",
        "CLASES PARA PADRES",
        "clase de padres",
    ],
)
def test_spanish_parenting_class_comes_first_for_a_spanish_query(services, query):
    found = search_services(query)
    assert names(found)[0] == "Clases para padres en español"


def test_spanish_parenting_class_comes_first_in_wake_for_an_english_query(services):
    found = search_services("parenting class", county="Wake")
    assert names(found) == ["Clases para padres en español"]
    found = search_services("parenting class", near="27601")
    assert names(found)[:2] == [
        "Clases para padres en español",
        "Parenting class for parents of teens",
    ]
    found = search_services("parenting class", language="es")
    assert names(found)[0] == "Clases para padres en español"


def test_english_query_finds_both_parenting_classes_before_anything_else(services):
    found = names(search_services("parenting classes"))
    assert set(found[:2]) == {
        "Clases para padres en español",
        "Parenting class for parents of teens",
    }
    assert "Food pantry" not in found


def test_a_typo_still_finds_the_class(services):
    assert "Parenting class for parents of teens" in names(search_services("parentng clas"))


def test_inactive_and_defunct_services_never_show(services):
    for query in ("clases para padres", "parenting class", ""):
        found = names(search_services(query, per_page=50))
        assert not any("old" in n or "gone" in n for n in found)


def test_no_query_lists_every_public_service(services):
    assert search_services("").paginator.count == 5


def test_county_filter(services):
    wake = County.objects.get(name="Wake")
    assert set(names(search_services("", county=wake))) == {
        "Clases para padres en español",
        "Consejería familiar",
        "Food pantry",
    }
    assert search_services("", county="Durham County").paginator.count == 2


def test_language_filter(services):
    assert set(names(search_services("", language="es"))) == {
        "Clases para padres en español",
        "Consejería familiar",
        "Food pantry",
    }


def test_age_filter(services):
    assert set(names(search_services("", age=15))) == {
        "Parenting class for parents of teens",
        "Consejería familiar",
        "Food pantry",
        "Parent support group",
    }
    assert "Consejería familiar" not in names(search_services("", age=2))


def test_need_filter_includes_child_terms(services):
    assert set(names(search_services("", need="parenting-support"))) == {
        "Clases para padres en español",
        "Parenting class for parents of teens",
    }
    assert set(names(search_services("", need="family-support"))) == {
        "Clases para padres en español",
        "Parenting class for parents of teens",
        "Parent support group",
    }


def test_free_filter(services):
    assert set(names(search_services("", free=True))) == {
        "Clases para padres en español",
        "Food pantry",
    }


def test_open_now_filter_reads_new_york_time(services):
    # Monday 2026-11-30 at 18:30 in Raleigh is 23:30 UTC.
    monday_evening = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    assert names(search_services("", open_now=True, now=monday_evening)) == [
        "Clases para padres en español"
    ]
    tuesday_noon = datetime.datetime(2026, 12, 1, 17, 0, tzinfo=datetime.UTC)
    assert names(search_services("", open_now=True, now=tuesday_noon)) == ["Food pantry"]


def test_has_capacity_filter(services):
    assert set(names(search_services("", has_capacity=True))) == {
        "Clases para padres en español",
        "Food pantry",
    }


def test_nearest_first_from_a_zip_code_or_a_typed_address(services):
    found = search_services("", near="27511")
    assert names(found)[0] == "Consejería familiar"
    assert found.object_list[0].distance_km < 5
    by_town = search_services("", near="200 Main Street, Durham, NC")
    assert set(names(by_town)[:2]) == {
        "Parenting class for parents of teens",
        "Parent support group",
    }
    assert 30 < by_town.object_list[-1].distance_km < 45


def test_unknown_place_leaves_the_order_alone(services):
    found = search_services("", near="nowhere at all")
    assert found.object_list[0].distance_km is None


def test_filters_combine(services):
    found = search_services(
        "padres", county="Wake", language="es", age=5, free=True, has_capacity=True
    )
    assert names(found) == ["Clases para padres en español"]


def test_a_page_costs_the_same_queries_whatever_it_holds(services):
    def count(**kwargs):
        with CaptureQueriesContext(connection) as queries:
            page = search_services(**kwargs)
            for service in page.object_list:
                assert service.organization.name
                shown = facts(service)  # everything a result card shows
                assert shown["address"] and shown["languages"]
        return len(queries)

    few = count(query="parenting class", county="Wake")
    many = count(query="famil", near="27601")
    assert few == many <= 9
    assert count(query="", need="food") == count(query="", near="27601", language="es") <= 8


def test_services_at_one_location_each_show_its_address_and_phone(services):
    place = services["pantry"].service_at_locations.get().location
    m.Phone.objects.create(location=place, number="919-555-0199")
    m.ServiceAtLocation.objects.create(service=services["spanish_class"], location=place)
    page = search_services("", county="Wake")
    with CaptureQueriesContext(connection) as queries:
        shown = [facts(s) for s in page.object_list]
    assert len(queries) == 0
    assert all(f["address"] for f in shown)
    assert {f["phone"] for f in shown} >= {"919-555-0100"}
