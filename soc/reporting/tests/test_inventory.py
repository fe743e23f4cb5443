"""The reporting inventory: adding requirements, the duplication view, who sees them, the API."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soc import factories as f
from soc.api.testing import ApiClient
from soc.audit.models import AuditEvent
from soc.collaboratives.tests.builders import admin, body, seat
from soc.reporting import actions, queries
from soc.reporting.models import DataItem, ReportingRequirement

from .builders import ccpt_year

pytestmark = pytest.mark.django_db


def _items(*codes):
    return list(DataItem.objects.filter(code__in=codes))


@pytest.fixture
def inventory():
    """Three requirements: meetings held asked by all three, case reviews by two."""
    boss = admin()
    ccpt = body("ccpt", name="Wake County CCPT", slug="wake-ccpt")
    jcpc = body("jcpc", name="Wake County JCPC", slug="wake-jcpc")
    add = actions.add_requirement
    a = add(
        boss,
        title="CCPT end-of-year report",
        collaborative=ccpt,
        recipient="NC DHHS DSS",
        frequency="annual",
        data_items=_items("meetings_held", "case_reviews_count"),
    )
    b = add(
        boss,
        title="CCPT report to commissioners",
        collaborative=ccpt,
        recipient="Board of Commissioners",
        frequency="annual",
        data_items=_items("meetings_held", "case_reviews_count", "recommendations"),
    )
    c = add(boss, title="JCPC annual plan", body_kind="jcpc", recipient="NC DPS Juvenile Justice",
            frequency="annual", data_items=_items("meetings_held", "jcpc_funded_programs"))  # fmt: skip
    return boss, ccpt, jcpc, (a, b, c)


def test_the_seed_vocabulary_ships_as_data():
    codes = set(DataItem.objects.values_list("code", flat=True))
    assert {"meetings_held", "attendance_by_seat_type", "case_reviews_count"} <= codes


def test_duplication_lists_items_asked_more_than_once_with_who_asks(inventory):
    _boss, _ccpt, _jcpc, (a, b, c) = inventory
    found = {i.code: (i.asked, list(i.requirements.all())) for i in queries.duplicated_items()}
    assert found == {"meetings_held": (3, [a, b, c]), "case_reviews_count": (2, [a, b])}
    assert c.asked_of == "Every Juvenile Crime Prevention Council (JCPC)"


def test_duplication_costs_two_queries(inventory, django_assert_num_queries):
    with django_assert_num_queries(2):
        items = queries.duplicated_items()
        [r.asked_of for i in items for r in i.requirements.all()]


def test_a_requirement_names_a_body_a_recipient_and_a_data_item(inventory):
    boss, ccpt, _jcpc, _r = inventory
    with pytest.raises(ValidationError) as error:
        actions.add_requirement(boss, title="X", frequency="monthly", data_items=[])
    assert set(error.value.message_dict) == {"collaborative", "recipient", "data_items"}
    assert ReportingRequirement.objects.count() == 3


def test_the_pages_are_for_seat_holders_and_404_for_everyone_else(client, cast, inventory):
    _boss, ccpt, _jcpc, _r = inventory
    member = f.UserFactory()
    seat(ccpt, "family", member)
    for outsider in (cast.other_org_staff, cast.facilitator, cast.caregiver):
        client.force_login(outsider)
        for name in ("requirement_list", "reporting_duplication", "requirement_new"):
            assert client.get(reverse(name)).status_code == 404
    client.force_login(member)
    page = client.get(reverse("requirement_list")).content.decode()
    assert "CCPT end-of-year report" in page and "NC DHHS DSS" in page
    page = client.get(reverse("reporting_duplication")).content.decode()
    assert "Meetings held" in page and "Asked for by 3 requirements" in page
    # A member without an office may not add requirements, nor recommend.
    assert client.get(reverse("requirement_new")).status_code == 404
    assert "topic=reporting" not in page


def test_a_state_officer_adds_a_requirement_and_is_offered_a_recommendation(client, inventory):
    _boss, ccpt, _jcpc, _r = inventory
    state = body("state", name="State Collaborative", slug="state")
    officer = f.UserFactory()
    seat(state, "family", officer, office="co_chair")
    client.force_login(officer)
    assert client.get(reverse("requirement_new")).status_code == 200
    item = DataItem.objects.get(code="barriers_raised")
    response = client.post(
        reverse("requirement_new"),
        {"title": "Quarterly", "collaborative": ccpt.pk, "recipient": "NC DHHS",
         "frequency": "quarterly", "data_items": [item.pk]},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    made = ReportingRequirement.objects.get(title="Quarterly")
    assert AuditEvent.objects.filter(
        action="reporting.requirement_add", object_id=str(made.pk)
    ).exists()
    page = client.get(reverse("reporting_duplication")).content.decode()
    assert reverse("recommendation_new") + "?topic=reporting" in page
    form = client.get(reverse("recommendation_new") + "?topic=reporting").content.decode()
    assert 'value="reporting" selected' in form


def test_the_pages_speak_spanish(client, inventory):
    boss, _ccpt, _jcpc, _r = inventory
    boss.language = "es"
    boss.save()
    client.force_login(boss)
    page = client.get(reverse("reporting_duplication"), HTTP_ACCEPT_LANGUAGE="es").content
    assert "Reuniones celebradas" in page.decode()


def test_the_api_lists_adds_and_shows_duplication(inventory):
    boss, ccpt, _jcpc, _r = inventory
    api = ApiClient(boss)
    assert api.get("/reporting/requirements").json()["count"] == 3
    made = api.post(
        "/reporting/requirements",
        {"title": "Monthly", "frequency": "monthly", "collaborative": ccpt.slug,
         "recipient": "NC DHHS", "data_items": ["recommendations"]},
    )  # fmt: skip
    assert made.status_code == 201, made.content
    assert made.json()["data_items"] == ["recommendations"]
    assert made.json()["asked_of"] == "Wake County CCPT"
    bad = api.post(
        "/reporting/requirements",
        {"title": "X", "frequency": "monthly", "recipient": "Y", "data_items": ["nope"]},
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "data_items"]
    dup = {d["code"]: d["asked"] for d in api.get("/reporting/duplication").json()}
    assert dup == {"meetings_held": 3, "case_reviews_count": 2, "recommendations": 2}


def test_the_api_list_costs_the_same_queries_with_3_or_13_requirements(inventory):
    boss, ccpt, _jcpc, _r = inventory
    api = ApiClient(boss)

    def listed():
        with CaptureQueriesContext(connection) as queries:
            answer = api.get("/reporting/requirements").json()
        return len(queries), answer

    few, first = listed()
    for n in range(10):
        actions.add_requirement(boss, title=f"Report {n:02}", collaborative=ccpt, recipient="NC",
                                frequency="monthly", data_items=_items("meetings_held"))  # fmt: skip
    many, second = listed()
    assert many == few
    assert second["count"] == first["count"] + 10 == len(second["items"]) == 13
    page = api.get("/reporting/requirements", {"limit": 2, "offset": 11}).json()
    assert [r["title"] for r in page["items"]] == ["Report 08", "Report 09"]
    assert page["items"][0]["data_items"] == ["meetings_held"]


def test_the_api_is_404_for_non_members(cast, inventory):
    api = ApiClient(cast.other_org_staff)
    assert api.get("/reporting/requirements").status_code == 404
    assert api.get("/reporting/duplication").status_code == 404
    ccpt = inventory[1]
    assert api.get(f"/collaboratives/{ccpt.slug}/annual-reports/2025").status_code == 404


def test_the_api_downloads_a_draft_for_a_seat_holder():
    ccpt, holder = ccpt_year()
    api = ApiClient(holder)
    xlsx = api.get(f"/collaboratives/{ccpt.slug}/annual-reports/2025")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    pdf = api.get(f"/collaboratives/{ccpt.slug}/annual-reports/2025", {"format": "pdf"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert api.get(f"/collaboratives/{ccpt.slug}/annual-reports/1800").status_code == 422
