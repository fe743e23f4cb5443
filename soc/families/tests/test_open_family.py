from datetime import date

import pytest
from django.urls import reverse

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.families.models import Family
from soc.teams.models import Membership

pytestmark = pytest.mark.django_db


def _post(wake_id, **extra):
    data = {
        "display_name": "The García family",
        "county": wake_id,
        "primary_language": "es",
        "interpreter_needed": "on",
        "culture_notes": "Somos una familia unida.",
        "what_matters": "School",
        "people-TOTAL_FORMS": "3",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "12",
        "people-0-role": "child",
        "people-0-first_name": "Sofía",
        "people-0-last_name": "García",
        "people-0-date_of_birth": "2016-04-02",
        "people-0-preferred_language": "es",
        "people-0-school": "Hunter Elementary",
        "people-0-grade": "3",
        "people-1-role": "caregiver",
        "people-1-first_name": "Lucía",
        "people-1-last_name": "García",
        "people-1-relation": "mother",
        "people-1-preferred_language": "es",
        "people-1-email": "lucia@example.org",
        "people-2-role": "",
        "people-2-preferred_language": "en",
    }
    data.update(extra)
    return data


@pytest.fixture
def staff(client):
    user = f.StaffFactory()
    client.force_login(user)
    return user


def test_staff_opens_a_family_and_becomes_facilitator(client, staff):
    wake = f.wake()
    response = client.post(reverse("family_new"), _post(wake.pk))
    family = Family.objects.get(display_name="The García family")
    assert response.status_code == 302 and response.url == family.get_absolute_url()
    assert family.people.count() == 2 and family.interpreter_needed
    roles = dict(family.team.memberships.values_list("role", "status"))
    assert roles == {"facilitator": "active", "caregiver": "active"}
    assert family.team.memberships.get(role="facilitator").user == staff
    assert AuditEvent.objects.filter(action="family.create", family_id=family.pk).exists()


def test_birth_date_in_the_future_is_refused_and_nothing_saved(client, staff):
    response = client.post(
        reverse("family_new"), _post(f.wake().pk, **{"people-0-date_of_birth": "2099-01-01"})
    )
    assert response.status_code == 200
    assert "future" in response.content.decode()
    assert not Family.objects.exists()


def test_possible_duplicate_is_shown_before_saving_then_new_family_on_confirmation(client, staff):
    existing = f.FamilyFactory(display_name="The Garcia family", county=f.wake())
    f.TeamFactory(family=existing)
    f.PersonFactory(family=existing, date_of_birth=date(2016, 4, 9))
    response = client.post(reverse("family_new"), _post(f.wake().pk))
    page = response.content.decode()
    assert response.status_code == 200 and "may already be recorded" in page
    assert "The Garcia family" not in page  # a stranger learns that a match exists, not whose
    assert reverse("family_join", args=[existing.pk]) in page
    assert Family.objects.count() == 1
    response = client.post(reverse("family_new"), _post(f.wake().pk, confirmed_new="1"))
    assert response.status_code == 302 and Family.objects.count() == 2


def test_same_family_asks_to_join_and_sees_nothing_until_approved(client, staff):
    existing = f.FamilyFactory(display_name="The Garcia family", county=f.wake())
    f.TeamFactory(family=existing)
    f.PersonFactory(family=existing, date_of_birth=date(2016, 4, 2))
    client.post(reverse("family_new"), _post(f.wake().pk))
    response = client.post(reverse("family_join", args=[existing.pk]))
    assert response.status_code == 302
    membership = existing.team.memberships.get(user=staff)
    assert membership.status == Membership.Status.PROPOSED
    assert client.get(existing.get_absolute_url()).status_code == 404


def test_asking_to_join_a_family_never_shown_is_404(client, staff):
    other = f.TeamFactory().family
    assert client.post(reverse("family_join", args=[other.pk])).status_code == 404
    assert not other.team.memberships.filter(user=staff).exists()


def test_family_members_cannot_open_families(client):
    client.force_login(f.UserFactory())
    assert client.get(reverse("family_new")).status_code == 403


def test_the_same_child_twice_is_a_clear_message_not_an_error(client, staff):
    twice = _post(
        f.wake().pk,
        **{
            "people-2-role": "child",
            "people-2-first_name": "Sofía",
            "people-2-last_name": "García",
            "people-2-date_of_birth": "2016-04-02",
            "people-2-preferred_language": "es",
        },
    )
    response = client.post(reverse("family_new"), twice)
    assert response.status_code == 200 and "already on the list" in response.content.decode()
    assert not Family.objects.exists()


def test_duplicate_match_shows_in_the_familys_who_has_looked(client, staff):
    from soc.audit.models import AuditEvent

    existing = f.FamilyFactory(display_name="The Garcia family", county=f.wake())
    f.TeamFactory(family=existing)
    f.PersonFactory(family=existing, date_of_birth=date(2016, 4, 9))
    client.post(reverse("family_new"), _post(f.wake().pk))
    assert AuditEvent.objects.for_family(existing.pk).views().filter(actor=staff).exists()
