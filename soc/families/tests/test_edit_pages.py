import pytest
from django.urls import reverse

from soc.families.models import Family, Person

pytestmark = pytest.mark.django_db


def _family_form(cast, **changes):
    return {
        "version": cast.family.version,
        "display_name": "The Rivera-Lopez family",
        "county": cast.family.county_id,
        "primary_language": "es",
        "culture_notes": "",
        "what_matters": "Staying together",
    } | changes


def test_facilitator_edits_the_family_and_a_stale_form_gets_409(client, cast):
    client.force_login(cast.facilitator)
    url = reverse("family_edit", args=[cast.family.pk])
    assert client.post(url, _family_form(cast)).status_code == 302
    response = client.post(url, _family_form(cast, what_matters="Something else"))
    assert response.status_code == 409
    family = Family.objects.get(pk=cast.family.pk)
    assert (family.display_name, family.what_matters, family.version) == (
        "The Rivera-Lopez family",
        "Staying together",
        2,
    )


def test_caregiver_adds_a_person_and_a_future_birth_date_is_refused(client, cast):
    client.force_login(cast.caregiver)
    url = reverse("person_add", args=[cast.family.pk])
    data = {
        "role": "child",
        "first_name": "Luz",
        "last_name": "Rivera",
        "date_of_birth": "2099-01-01",
        "preferred_language": "es",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert not Person.objects.filter(first_name="Luz").exists()
    assert client.post(url, data | {"date_of_birth": "2019-02-03"}).status_code == 302
    assert (
        client.post(url, data | {"date_of_birth": "2019-02-03"}).status_code == 200
    )  # the same person twice
    assert Person.objects.filter(first_name="Luz").count() == 1


def test_person_edit_saves_a_new_version(client, cast):
    client.force_login(cast.caregiver)
    child = cast.child
    data = {
        "version": child.version,
        "role": "child",
        "first_name": "Ana",
        "last_name": "Rivera",
        "date_of_birth": child.date_of_birth.isoformat(),
        "school": "Hunter Elementary",
        "grade": "4",
        "preferred_language": "es",
    }
    assert (
        client.post(reverse("person_edit", args=[cast.family.pk, child.pk]), data).status_code
        == 302
    )
    child.refresh_from_db()
    assert (child.school, child.version) == ("Hunter Elementary", 2)
