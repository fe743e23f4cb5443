"""The /hsds/ API answers exactly in the standard's shapes (strict), and only about public services."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soc.directory.needs import NEEDS_TAXONOMY_ID, term_id

from .directory_data import rich_directory
from .hsds_schema import assert_valid, assert_valid_page, problems

pytestmark = pytest.mark.django_db

# (url, schema of each item) for every list the OpenAPI document defines, with its variants.
LISTS = [
    ("/hsds/services", "compiled/service_list.json"),
    ("/hsds/services?full=true", "compiled/service.json"),
    ("/hsds/services?minimal=true", "compiled/service_list.json"),
    ("/hsds/organizations", "compiled/organization_list.json"),
    ("/hsds/organizations?full=true", "compiled/organization.json"),
    ("/hsds/organizations?full=true&full_service=true", "compiled/organization.json"),
    ("/hsds/service_at_locations", "compiled/service_at_location_list.json"),
    ("/hsds/service_at_locations?full=true", "compiled/service_at_location.json"),
    ("/hsds/taxonomies", "taxonomy.json"),
    ("/hsds/taxonomy_terms", "taxonomy_term.json"),
]


@pytest.fixture
def directory():
    return rich_directory()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_root_names_the_standard(client):
    assert get(client, "/hsds/") == {
        "version": "3.0",
        "profile": "https://github.com/openreferral/specification/tree/3.0",
        "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
    }


@pytest.mark.parametrize(("url", "schema"), LISTS)
def test_every_list_is_a_strictly_valid_page(client, directory, url, schema):
    page = get(client, url)
    assert_valid_page(page, schema)
    assert page["contents"], url


def test_each_record_is_strictly_valid(client, directory):
    service, org = directory["services"][0], directory["organization"]
    assert_valid(get(client, f"/hsds/services/{service.id}"), "compiled/service.json")
    assert_valid(get(client, f"/hsds/organizations/{org.id}"), "compiled/organization.json")
    full = get(client, f"/hsds/organizations/{org.id}?full_service=true")
    assert_valid(full, "compiled/organization.json")
    assert full["services"][0]["phones"], "full_service nests the services fully"
    sal = service.service_at_locations.get()
    assert_valid(
        get(client, f"/hsds/service_at_locations/{sal.id}"), "compiled/service_at_location.json"
    )
    assert_valid(get(client, f"/hsds/taxonomies/{NEEDS_TAXONOMY_ID}"), "taxonomy.json")
    term = get(client, f"/hsds/taxonomy_terms/{term_id('crisis')}")
    assert_valid(term, "taxonomy_term.json")
    assert term["taxonomy_detail"]["name"] == "System of Care needs"


def test_the_strict_check_does_catch_an_unknown_key():
    assert problems(
        {
            "id": "ac148810-d857-441c-9679-408f346de14b",
            "name": "x",
            "status": "active",
            "capacity": 3,
        },
        "compiled/service_list.json",
    )


def test_a_full_service_nests_everything_the_standard_lists(client, directory):
    doc = get(client, f"/hsds/services/{directory['services'][0].id}")
    assert doc["organization"]["organization_identifiers"][0]["identifier"] == "56-0000000"
    assert doc["program"]["name"] == "Strong Families"
    location = doc["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "27601"
    assert doc["service_at_locations"][0]["schedules"][0]["opens_at"] == "18:00:00"
    assert doc["attributes"][0]["taxonomy_term"]["code"] == "parenting-support"
    assert doc["metadata"][0]["last_action_type"] == "create"
    assert doc["phones"][0]["extension"] == 12
    assert doc["minimum_age"] == 0 and doc["maximum_age"] == 17


def test_inactive_and_defunct_services_never_show(client, directory):
    hidden = {str(s.id) for s in directory["hidden"]}
    for url, _schema in LISTS:
        assert not hidden & set(client.get(url).content.decode().split('"')), url
    for gone in directory["hidden"]:
        assert client.get(f"/hsds/services/{gone.id}").status_code == 404
        sal = gone.service_at_locations.get()
        assert client.get(f"/hsds/service_at_locations/{sal.id}").status_code == 404
    org = get(client, f"/hsds/organizations/{directory['organization'].id}")
    assert len(org["services"]) == 2


def test_nothing_of_our_own_leaks_into_the_standard_documents(client, directory):
    body = client.get("/hsds/services?full=true").content.decode()
    for local in ("capacity", "verified_by", "search_text", "agency", "name_es", "county"):
        assert f'"{local}' not in body


def test_page_shape_and_paging(client, directory):
    page = get(client, "/hsds/services?per_page=1&page=2")
    assert {k: page[k] for k in page if k != "contents"} == {
        "total_items": 2,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    beyond = get(client, "/hsds/services?page=9")
    assert beyond["empty"] is True and beyond["contents"] == []


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/hsds/services?page=0", "page"),
        ("/hsds/services?per_page=abc", "per_page"),
        ("/hsds/services?organization_id=nope", "organization_id"),
        ("/hsds/services?modified_after=yesterday", "modified_after"),
        ("/hsds/services?full=maybe", "full"),
        ("/hsds/services?format=xml", "format"),
        ("/hsds/taxonomy_terms?parent_id=1", "parent_id"),
        ("/hsds/service_at_locations?proximity=500", "proximity"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, url, name):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["query", name]


def test_unknown_and_malformed_ids_are_json_404s(client):
    for url in (
        "/hsds/services/not-a-uuid",
        "/hsds/organizations/00000000-0000-0000-0000-000000000000",
    ):
        response = client.get(url)
        assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_services_filter_by_term_taxonomy_organization_and_time(client, directory):
    parenting = term_id("parenting-support")
    assert get(client, f"/hsds/services?taxonomy_term_id={parenting}")["total_items"] == 2
    assert get(client, f"/hsds/services?taxonomy_term_id={term_id('crisis')}")["total_items"] == 0
    assert get(client, f"/hsds/services?taxonomy_id={NEEDS_TAXONOMY_ID}")["total_items"] == 2
    org = directory["organization"].id
    assert get(client, f"/hsds/services?organization_id={org}")["total_items"] == 2
    newest = directory["services"][0].last_modified.isoformat().replace("+00:00", "Z")
    page = get(client, f"/hsds/services?modified_after={newest}")
    assert [s["name"] for s in page["contents"]] == ["Parenting class 0"]


def test_search_ignores_case_and_accents(client, directory):
    service = directory["services"][0]
    service.description = "Clases para familias con niños pequeños"
    service.save()
    for words in ("NINOS pequenos", "niños", "Parenting CLASS 0"):
        page = get(client, f"/hsds/services?search={words}")
        assert [s["id"] for s in page["contents"]] == [str(service.id)], words


def test_taxonomy_terms_top_only_and_parent(client):
    top = get(client, "/hsds/taxonomy_terms?top_only=true&per_page=100")
    assert {t["code"] for t in top["contents"]} >= {"family-support", "behavioral-health"}
    assert all("parent_id" not in t for t in top["contents"])
    kids = get(client, f"/hsds/taxonomy_terms?parent_id={term_id('behavioral-health')}")
    assert {t["code"] for t in kids["contents"]} == {
        "mental-health-counseling",
        "crisis",
        "substance-use",
    }
    assert get(client, "/hsds/taxonomy_terms?search=crisis")["total_items"] == 1
    assert get(client, "/hsds/taxonomies?search=needs")["total_items"] == 1


def test_service_at_locations_by_postcode_and_distance(client, directory):
    assert get(client, "/hsds/service_at_locations?postcode=27601")["total_items"] == 2
    assert get(client, "/hsds/service_at_locations?postcode=28801")["total_items"] == 0
    near = get(client, "/hsds/service_at_locations?postcode=27601&proximity=5000")
    assert near["total_items"] == 2
    assert_valid_page(near, "compiled/service_at_location_list.json")


def test_ndjson_streams_every_record_without_pages(client, directory):
    response = client.get("/hsds/services?format=ndjson")
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2
    for line in lines:
        assert_valid(json.loads(line), "compiled/service_list.json")


@pytest.mark.parametrize(
    "url",
    [
        "/hsds/services?full=true",
        "/hsds/organizations?full=true&full_service=true",
        "/hsds/service_at_locations?full=true",
        "/hsds/services",
    ],
)
def test_a_page_costs_the_same_queries_whatever_its_length(client, url):
    rich_directory(services=1)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    rich_directory(services=6)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).json()
    assert page["size"] >= 2
    assert len(many) == len(few)


def test_no_sign_in_needed_and_anyone_may_fetch(client, directory):
    response = client.get("/hsds/services")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/hsds/services").status_code == 405


def test_every_hsds_route_answers_without_sign_in(client, directory):
    from django.urls import get_resolver, reverse

    service = directory["services"][0]
    ids = {
        "hsds_service": service.id,
        "hsds_service_at_location": service.service_at_locations.get().id,
        "hsds_organization": directory["organization"].id,
        "hsds_taxonomy": NEEDS_TAXONOMY_ID,
        "hsds_taxonomy_term": term_id("food"),
    }
    names = [n for n in get_resolver().reverse_dict if isinstance(n, str) and n.startswith("hsds_")]
    assert len(names) == 11
    for name in names:
        url = reverse(name, kwargs={"pk": ids[name]} if name in ids else {})
        assert client.get(url).status_code == 200, url


def test_staff_half_way_through_signing_in_still_read_the_public_directory(client, settings):
    from soc.factories import StaffFactory

    settings.SOC_REQUIRE_MFA = True
    client.force_login(StaffFactory())
    assert client.get("/hsds/services").status_code == 200
    assert client.get("/").status_code == 302  # everything else waits for the second step
