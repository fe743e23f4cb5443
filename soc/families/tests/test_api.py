"""Families and their people through the API."""

from datetime import date

from soc import factories as f
from soc.api.testing import field_errors
from soc.audit.models import AuditEvent
from soc.families.models import Family, Person
from soc.teams.models import Membership

WAKE = "37183"
DURHAM = "37063"


def new_family(**changes):
    return {
        "display_name": "The García family",
        "county": WAKE,
        "primary_language": "es",
        "interpreter_needed": True,
        "people": [
            {"role": "child", "first_name": "Sofía", "date_of_birth": "2016-04-02"},
            {
                "role": "caregiver",
                "first_name": "Lucía",
                "last_name": "García",
                "relation": "mother",
                "preferred_language": "es",
                "email": "lucia@example.org",
            },
        ],
        **changes,
    }


def similar_family():
    existing = f.FamilyFactory(display_name="The Garcia family", county=f.wake())
    f.TeamFactory(family=existing)
    f.PersonFactory(family=existing, first_name="Sofia", date_of_birth=date(2016, 4, 9))
    return existing


def test_list_shows_only_my_families_and_is_audited(cast, api_as):
    f.TeamFactory()  # someone else's family
    response = api_as(cast.member).get("/families")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [family] = body["items"]
    assert family["id"] == cast.family.pk
    assert family["county"] == {"id": cast.family.county_id, "fips": WAKE, "name": "Wake"}
    assert family["children_count"] == 2 and family["member_count"] == 5
    assert AuditEvent.objects.filter(actor=cast.member, action="family.list").count() == 1


def test_get_family_is_audited_once(cast, api_as):
    response = api_as(cast.youth).get(f"/families/{cast.family.pk}")
    assert response.status_code == 200 and response.json()["version"] == 1
    events = AuditEvent.objects.filter(actor=cast.youth, family_id=cast.family.pk)
    assert list(events.values_list("action", flat=True)) == ["family.view"]


def test_staff_opens_a_family_and_becomes_its_facilitator(db, api_as):
    staff = f.StaffFactory()
    response = api_as(staff).post("/families", new_family())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["display_name"] == "The García family" and body["children_count"] == 1
    family = Family.objects.get(pk=body["id"])
    assert family.team.memberships.get(role="facilitator").user == staff
    assert family.people.count() == 2
    assert AuditEvent.objects.filter(action="family.create", family_id=family.pk).exists()


def test_a_family_member_cannot_open_families(cast, api_as):
    assert api_as(cast.caregiver).post("/families", new_family()).status_code == 403


def test_a_family_needs_a_child(db, api_as):
    response = api_as(f.StaffFactory()).post(
        "/families", new_family(people=[{"role": "caregiver", "first_name": "Lucía"}])
    )
    assert list(field_errors(response)) == ["people"]


def test_unknown_county_is_422(db, api_as):
    response = api_as(f.StaffFactory()).post("/families", new_family(county="99999"))
    assert list(field_errors(response)) == ["county"]


def test_possible_duplicate_is_409_with_only_an_id_and_the_county(db, api_as):
    existing = similar_family()
    staff = f.StaffFactory()
    response = api_as(staff).post("/families", new_family())
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "possible_duplicate" and body["detail"]
    assert body["matches"] == [
        {
            "id": existing.pk,
            "county": {"id": existing.county_id, "fips": WAKE, "name": "Wake"},
        }
    ]
    assert Family.objects.count() == 1
    # Being shown the match is itself recorded, even though nothing else was saved.
    assert AuditEvent.objects.filter(
        actor=staff, action="family.duplicate_shown", family_id=existing.pk
    ).exists()


def test_confirmed_new_family_is_opened_despite_a_possible_duplicate(db, api_as):
    similar_family()
    response = api_as(f.StaffFactory()).post("/families", new_family(confirmed_new=True))
    assert response.status_code == 201 and Family.objects.count() == 2


def test_asking_to_join_a_shown_duplicate_proposes_me_and_shows_nothing(db, api_as):
    existing = similar_family()
    staff = f.StaffFactory()
    client = api_as(staff)
    client.post("/families", new_family())
    response = client.post(f"/families/{existing.pk}/join")
    assert response.status_code == 201
    assert response.json()["status"] == "proposed"
    membership = existing.team.memberships.get(user=staff)
    assert membership.status == Membership.Status.PROPOSED
    assert client.get(f"/families/{existing.pk}").status_code == 404


def test_asking_to_join_a_family_never_shown_is_404(cast, api_as):
    for user in (cast.other_org_staff, cast.org_admin, cast.superuser):
        response = api_as(user).post(f"/families/{cast.family.pk}/join")
        assert response.status_code == 404
    assert api_as(cast.other_org_staff).post("/families/999999/join").status_code == 404
    assert not cast.team.memberships.filter(user=cast.other_org_staff).exists()


def test_update_family_with_the_current_version(cast, api_as):
    response = api_as(cast.caregiver).patch(
        f"/families/{cast.family.pk}",
        {"version": 1, "what_matters": "Que Ana termine la escuela.", "county": DURHAM},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 2 and body["county"]["name"] == "Durham"
    assert Family.objects.get(pk=cast.family.pk).what_matters == "Que Ana termine la escuela."


def test_update_family_with_a_stale_version_is_409_and_changes_nothing(cast, api_as):
    Family.objects.filter(pk=cast.family.pk).update(version=2)
    response = api_as(cast.caregiver).patch(
        f"/families/{cast.family.pk}", {"version": 1, "display_name": "Overwritten"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    assert response.json()["current_version"] == 2
    assert Family.objects.get(pk=cast.family.pk).display_name == "The Rivera family"


def test_update_family_needs_a_version(cast, api_as):
    response = api_as(cast.caregiver).patch(f"/families/{cast.family.pk}", {"display_name": "X"})
    assert list(field_errors(response)) == ["version"]


def test_a_team_member_who_may_not_edit_gets_403(cast, api_as):
    response = api_as(cast.member).patch(
        f"/families/{cast.family.pk}", {"version": 1, "display_name": "X"}
    )
    assert response.status_code == 403


def test_list_people_is_audited(cast, api_as):
    response = api_as(cast.member).get(f"/families/{cast.family.pk}/people")
    assert response.json()["count"] == 3
    assert {p["first_name"] for p in response.json()["items"]} == {"Maria", "Leo", "Ana"}
    assert AuditEvent.objects.filter(action="person.list", family_id=cast.family.pk).count() == 1


def test_add_person(cast, api_as):
    response = api_as(cast.caregiver).post(
        f"/families/{cast.family.pk}/people",
        {"role": "child", "first_name": "Nina", "date_of_birth": "2020-01-05", "school": "Pre-K"},
    )
    assert response.status_code == 201
    assert response.json()["first_name"] == "Nina" and response.json()["version"] == 1
    assert cast.family.people.filter(first_name="Nina").exists()


def test_add_person_twice_is_422(cast, api_as):
    response = api_as(cast.caregiver).post(
        f"/families/{cast.family.pk}/people",
        {
            "role": "child",
            "first_name": "Ana",
            "last_name": "Rivera",
            "date_of_birth": "2016-07-09",
        },
    )
    assert list(field_errors(response)) == ["first_name"]


def test_invalid_email_of_a_person_is_422(cast, api_as):
    response = api_as(cast.caregiver).post(
        f"/families/{cast.family.pk}/people",
        {"role": "caregiver", "first_name": "Rosa", "email": "rosa at home"},
    )
    assert list(field_errors(response)) == ["email"]


def test_update_person(cast, api_as):
    response = api_as(cast.facilitator).patch(
        f"/families/{cast.family.pk}/people/{cast.child.pk}",
        {"version": 1, "school": "Hunter Elementary", "grade": "4"},
    )
    assert response.status_code == 200 and response.json()["version"] == 2
    cast.child.refresh_from_db()
    assert (cast.child.school, cast.child.grade) == ("Hunter Elementary", "4")


def test_update_person_with_a_stale_version_is_409_and_changes_nothing(cast, api_as):
    Person.objects.filter(pk=cast.child.pk).update(version=3)
    response = api_as(cast.facilitator).patch(
        f"/families/{cast.family.pk}/people/{cast.child.pk}", {"version": 2, "school": "X"}
    )
    assert response.status_code == 409 and response.json()["current_version"] == 3
    cast.child.refresh_from_db()
    assert cast.child.school == ""


def test_person_of_another_family_is_404(cast, api_as):
    stranger = f.PersonFactory()
    response = api_as(cast.facilitator).patch(
        f"/families/{cast.family.pk}/people/{stranger.pk}", {"version": 1, "school": "X"}
    )
    assert response.status_code == 404
