"""The public "Find help" pages: no sign-in, English and Spanish, plain words, nothing recorded."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soc.access_log import without_query
from soc.audit.models import AuditEvent
from soc.factories import StaffFactory

from .curated import curated_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    return curated_directory()


def test_a_family_finds_the_spanish_class_in_spanish_without_signing_in(client, services):
    response = client.get(
        reverse("find_help"),
        {"q": "clases para padres en espanol", "near": "27601"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Clases para padres en español" in page
    first = page.index("Clases para padres en español")
    assert first < page.index("Consejería familiar") if "Consejería familiar" in page else True
    assert "Tiene cupo" in page  # "Has room", in Spanish
    assert "Gratis" in page
    assert "millas" in page
    assert "919-555-0100" in page


def test_results_say_capacity_in_plain_words_and_mark_stale_services(client, services):
    page = client.get(reverse("find_help"), {"q": "", "language": "es"}).content.decode()
    assert "Has room" in page
    assert "Full" in page
    assert "Not checked in over a year" in page  # the counseling service, checked 500 days ago


def test_inactive_services_never_show_and_their_page_is_404(client, services):
    page = client.get(reverse("find_help"), {"q": "parenting class"}).content.decode()
    assert "(old)" not in page and "(gone)" not in page
    for gone in ("closed_class", "defunct_class"):
        assert client.get(reverse("find_service", args=[services[gone].pk])).status_code == 404


def test_service_page_shows_hours_address_and_phone(client, services):
    page = client.get(reverse("find_service", args=[services["spanish_class"].pk])).content.decode()
    assert "Monday, Wednesday" in page
    assert "100 Main St, Raleigh, NC 27601" in page
    assert "Update this service" not in page


def test_searching_records_nothing_about_who_searched(client, services):
    before = AuditEvent.objects.count()
    client.get(reverse("find_help"), {"q": "counseling", "near": "27511", "age": "8"})
    client.force_login(StaffFactory())
    client.get(reverse("find_help"), {"q": "counseling"})
    assert AuditEvent.objects.count() == before


def test_what_a_family_types_never_reaches_the_server_log():
    line = "GET /find/?q=food&near=12+Oak+St+Raleigh&age=4 HTTP/1.1"
    assert without_query(line) == "GET /find/?… HTTP/1.1"


def test_the_sign_in_page_points_families_to_find_help(client):
    assert reverse("find_help") in client.get(reverse("login")).content.decode()


def test_staff_see_the_same_search_in_the_signed_in_layout(client, services):
    client.force_login(StaffFactory())
    page = client.get(reverse("find_help"), {"q": "food"}).content.decode()
    assert "Food pantry" in page
    assert "Find a service" in page and "Sign out" in page


def test_a_bad_age_is_a_clear_message(client, services):
    response = client.get(reverse("find_help"), {"age": "two hundred"})
    assert response.status_code == 200
    assert "Enter a whole number" in response.content.decode()


def test_results_page_costs_a_fixed_number_of_queries(client, services):
    def count(params):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("find_help"), params)
        return len(queries)

    # One result or five, the same queries (a text search may add one: the typo check).
    assert count({"q": "food"}) == count({"q": "family", "near": "27601"})
    assert count({"q": "", "language": "es"}) == count({"q": "", "near": "27601"})
