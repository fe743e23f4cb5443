"""Bad input gets a 4xx JSON answer with a field path, in the user's language; never a 500."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from soc.api.testing import field_errors
from soc.families.models import Family

CHILD = {"role": "child", "first_name": "Sofía", "date_of_birth": "2016-04-02"}


def new_family(**changes):
    return {"display_name": "The García family", "county": "37183", "people": [CHILD], **changes}


def test_action_error_has_the_field_path_of_the_person(cast, api_as):
    people = [CHILD, {**CHILD, "first_name": "Tomás", "date_of_birth": "2099-01-01"}]
    response = api_as(cast.facilitator).post("/families", new_family(people=people))
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "people[1].date_of_birth"],
                "msg": "A date of birth cannot be in the future.",
                "type": "validation_error",
            }
        ]
    }
    assert not Family.objects.filter(display_name="The García family").exists()


def test_request_errors_have_the_same_shape_and_path(cast, api_as):
    people = [{"role": "kid", "date_of_birth": "not a date"}]
    response = api_as(cast.facilitator).post("/families", new_family(people=people))
    errors = {p["loc"][1]: p for p in response.json()["detail"]}
    assert set(errors) == {"people[0].role", "people[0].first_name", "people[0].date_of_birth"}
    assert errors["people[0].first_name"]["type"] == "missing"
    assert errors["people[0].first_name"]["msg"] == "This field is required."
    assert all(p["loc"][0] == "body" for p in errors.values())


def test_errors_not_about_one_field_are_on_the_body(cast, api_as):
    response = api_as(cast.caregiver).post(
        f"/families/{cast.family.pk}/members/{cast.caregiver_membership.pk}/remove"
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body"] and problem["code"] == "last_caregiver"


def test_messages_come_back_in_spanish_for_a_spanish_speaker(cast, api_as):
    assert cast.caregiver.language == "es"
    client = api_as(cast.caregiver)
    response = client.post(
        f"/families/{cast.family.pk}/people",
        {"role": "child", "first_name": "Nina", "date_of_birth": "2099-01-01"},
    )
    with translation.override("es"):
        expected = gettext("A date of birth cannot be in the future.")
    assert field_errors(response) == {"date_of_birth": [expected]}
    # Messages for malformed requests come from Django's own catalogue, translated already.
    response = client.post(f"/families/{cast.family.pk}/people", {"role": "child"})
    assert field_errors(response) == {"first_name": ["Este campo es obligatorio."]}


def test_oversize_page_is_422_on_the_query_parameter(cast, api_as):
    response = api_as(cast.facilitator).get("/families", {"limit": 101})
    assert field_errors(response) == {"limit": ["Ensure this value is less than or equal to 100."]}
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_unreadable_json_is_400_json(cast, api_as):
    client = api_as(cast.facilitator)
    response = client.client.post(
        "/api/v1/families", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["detail"]


def test_unknown_field_is_refused_not_ignored(cast, api_as):
    response = api_as(cast.facilitator).patch(
        f"/families/{cast.family.pk}", {"version": 1, "opened_by": 7}
    )
    assert field_errors(response) == {"opened_by": ["This field cannot be changed here."]}


def test_null_for_a_required_field_is_422(cast, api_as):
    response = api_as(cast.caregiver).patch(
        f"/families/{cast.family.pk}", {"version": 1, "display_name": None}
    )
    assert list(field_errors(response)) == ["display_name"]
    assert Family.objects.get(pk=cast.family.pk).version == 1


def test_time_without_offset_is_422(cast, api_as):
    response = api_as(cast.caregiver).post(
        f"/families/{cast.family.pk}/meetings",
        {"starts_at": "2031-05-01T15:00:00", "ends_at": "2031-05-01T16:00:00-04:00"},
    )
    assert list(field_errors(response)) == ["starts_at"]


def test_wrong_type_in_the_path_is_422(cast, api_as):
    response = api_as(cast.caregiver).get("/families/abc")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "family_id"]


def test_unknown_family_is_404_json(cast, api_as):
    response = api_as(cast.facilitator).get("/families/999999")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("get", "/families?offset=100000000000000000000", None, "offset"),
        ("patch", "/families/{family}", {"version": 1, "display_name": "A\x00B"}, "display_name"),
        ("patch", "/families/{family}", {"version": 10**30, "display_name": "X"}, "version"),
        (
            "post",
            "/families/{family}/meetings",
            {"starts_at": "2030-01-01T00:00:00Z", "ends_at": "9999-12-31T23:00:00-05:00"},
            "ends_at",
        ),
        (
            "post",
            "/families/{family}/next-steps",
            {"description": "x", "responsible": 10**30, "due_date": "2030-01-01"},
            "responsible",
        ),
    ],
)
def test_values_the_database_cannot_hold_are_422(cast, api_as, method, path, body, field):
    """Refused here, on both SQLite and PostgreSQL, rather than failing in the database."""
    path = path.format(family=cast.family.pk)
    response = api_as(cast.facilitator).call(method, path, body)
    assert list(field_errors(response)) == [field]
    assert api_as(cast.facilitator).get(f"/families/{cast.family.pk}").status_code == 200


def test_a_huge_id_is_404(cast, api_as):
    assert api_as(cast.facilitator).get("/families/99999999999999999999999").status_code == 404
