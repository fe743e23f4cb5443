"""The public pages, registration from the page, the signed cancel link, and the organizers'
pages: registrants' details are 404 for everyone but organizers."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.trainings import actions, views
from soc.trainings.models import CoFacilitator, Registration, Training
from soc.trainings.notifications import cancel_token

from .builders import family_organization, hosted_body, training

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Lucía Pérez",
    "email": "lucia@example.org",
    "phone": "",
    "language": "es",
    "needs_interpreter": "on",
    "accommodation": "Cuidado de niños",
    "website": "",
}


@pytest.fixture
def setting(db):
    body, chair, member = hosted_body()
    t = training(body)
    CoFacilitator.objects.create(training=t, name="Rosa Jiménez", lived_experience="family")
    return body, chair, member, t


def test_the_list_shows_upcoming_public_trainings_with_their_family_lead(client, setting):
    body, _chair, _member, t = setting
    training(body, title="Members' session", is_public=False)
    training(body, title="Last month", days=-30)
    page = client.get(reverse("training_list")).content.decode()
    assert t.title in page and "Co-led by a family member" in page
    assert "Members&#x27; session" not in page and "Last month" not in page


def test_members_see_members_only_trainings_the_public_gets_404(client, setting):
    body, _chair, member, _t = setting
    private = training(body, title="Members' session", is_public=False)
    assert client.get(private.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(private.get_absolute_url()).status_code == 200
    assert "Members&#x27; session" in client.get(reverse("training_list")).content.decode()


def test_the_list_filters_by_county_language_audience_and_body(client, setting):
    body, *_rest, t = setting
    training(
        body, title="Only English for professionals", languages=["en"], audience="professionals"
    )
    es = client.get(reverse("training_list"), {"language": "es"}).content.decode()
    assert t.title in es and "Only English" not in es
    pros = client.get(reverse("training_list"), {"audience": "professionals"}).content.decode()
    assert "Only English" in pros and t.title not in pros
    county = client.get(reverse("training_list"), {"county": t.county_id}).content.decode()
    assert t.title in county
    other = client.get(reverse("training_list"), {"body": "no-such-body"}).content.decode()
    assert t.title not in other


def _link(page, kind):
    """The href of the pagination's "next" or "previous" link."""
    found = re.search(rf'<a href="([^"]*)" class="[^"]*usa-pagination__{kind}-page"', page)
    return html.unescape(found.group(1))


def test_the_next_page_keeps_the_filters(client, setting):
    body, *_rest, t = setting
    for n in range(views.PAGE_SIZE + 2):
        training(body, title=f"For professionals {n:02}", days=8 + n, audience="professionals")
    url = reverse("training_list")
    first = client.get(url, {"audience": "professionals", "language": "es"}).content.decode()
    assert t.title not in first and "For professionals 19" in first
    next_page = _link(first, "next")
    assert next_page.startswith("?") and "page=2" in next_page
    second = client.get(url + next_page).content.decode()
    assert "For professionals 20" in second and "For professionals 21" in second
    assert t.title not in second and "For professionals 19" not in second
    back = _link(second, "previous")
    assert "audience=professionals" in back and "language=es" in back and "page=1" in back


def test_the_list_costs_the_same_queries_with_2_or_12_trainings(client, setting):
    body, *_rest = setting

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("training_list")).status_code == 200
        return len(queries)

    few = count()
    for n in range(10):
        t = training(body, title=f"More {n}")
        CoFacilitator.objects.create(training=t, name="Youth lead", lived_experience="youth")
    assert count() == few


def test_a_family_registers_from_the_page_and_gets_an_email_in_spanish(
    client, setting, mailoutbox, django_capture_on_commit_callbacks
):
    *_rest, t = setting
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training_register", args=[t.pk]), FORM)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.language == "es" and registration.needs_interpreter
    (mail,) = mailoutbox
    assert mail.to == ["lucia@example.org"] and "inscrito" in mail.subject.lower()
    assert cancel_token(registration) in mail.body


def test_the_honeypot_saves_nothing_and_tells_nothing(client, setting):
    *_rest, t = setting
    response = client.post(reverse("training_register", args=[t.pk]), {**FORM, "website": "x"})
    assert response.status_code == 302 and not Registration.objects.exists()
    # A robot that also breaks a field learns nothing either: no errors come back.
    broken = {**FORM, "website": "x", "email": "not an address", "name": ""}
    response = client.post(reverse("training_register", args=[t.pk]), broken)
    assert response.status_code == 302 and not Registration.objects.exists()


def test_a_second_registration_gets_a_clear_message(client, setting):
    *_rest, t = setting
    client.post(reverse("training_register", args=[t.pk]), FORM)
    response = client.post(reverse("training_register", args=[t.pk]), FORM)
    assert response.status_code == 422
    assert "already registered" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_signed_in_person_registers_in_one_click_and_cancels(client, setting):
    *_rest, t = setting
    user = f.UserFactory(full_name="Fe Familia")
    client.force_login(user)
    client.post(reverse("training_register", args=[t.pk]), {})
    assert Registration.objects.get().user == user
    assert "You are registered." in client.get(t.get_absolute_url()).content.decode()
    client.post(reverse("my_registration_cancel", args=[t.pk]))
    assert Registration.objects.get().status == "cancelled"


def test_the_signed_link_cancels_and_a_made_up_one_is_404(client, setting):
    *_rest, t = setting
    registration = actions.register(None, t, name="Ana", email="ana@example.org")
    url = reverse("registration_cancel", args=[cancel_token(registration)])
    assert client.get(url).status_code == 200
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    forged = reverse("registration_cancel", args=[str(registration.pk)])
    assert client.get(forged).status_code == 404


ORGANIZER_PAGES = [
    "training_edit",
    "training_cofacilitator",
    "training_registrants",
    "training_attendance",
]


@pytest.mark.parametrize("name", ORGANIZER_PAGES)
def test_registrant_data_and_organizer_pages_are_404_for_everyone_but_organizers(
    client, setting, name
):
    _body, chair, member, t = setting
    actions.register(None, t, name="Ana Secret", email="ana@example.org")
    url = reverse(name, args=[t.pk])
    org, org_staff = family_organization()  # staff of another host
    for outsider in (member, org_staff, f.StaffFactory(), f.UserFactory(is_superuser=True)):
        client.force_login(outsider)
        assert client.get(url).status_code == 404, outsider
    client.logout()
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(chair)
    response = client.get(url)
    assert response.status_code == 200
    if name == "training_registrants":
        assert "Ana Secret" in response.content.decode()
        assert AuditEvent.objects.filter(action="training_registrants.view").count() == 1


def test_the_public_page_shows_room_but_no_registrants(client, setting):
    *_rest, t = setting
    actions.register(None, t, name="Ana Secret", email="ana@example.org")
    page = client.get(t.get_absolute_url()).content.decode()
    assert "Ana Secret" not in page and "ana@example.org" not in page and "Has room" in page


def test_an_officer_offers_a_training_and_a_stale_edit_gets_409(client, setting):
    body, chair, member, _t = setting
    client.force_login(member)
    assert client.get(reverse("training_new_body", args=[body.slug])).status_code == 403
    client.force_login(chair)
    starts = (timezone.localtime() + timedelta(days=9)).replace(microsecond=0)
    data = {
        "title": "Crisis plans",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Library",
        "languages": ["en", "es"],
        "audience": "everyone",
        "capacity": "20",
        "is_public": "on",
    }
    response = client.post(reverse("training_new_body", args=[body.slug]), data)
    assert response.status_code == 302
    made = Training.objects.get(title="Crisis plans")
    assert made.collaborative == body and made.created_by == chair
    edit = reverse("training_edit", args=[made.pk])
    changed = {**data, "title": "Crisis plans that work", "status": "scheduled", "version": "1"}
    assert client.post(edit, changed).status_code == 302
    stale = client.post(edit, {**changed, "title": "Overwrite"})
    assert stale.status_code == 409
    assert Training.objects.get(pk=made.pk).title == "Crisis plans that work"


def test_family_organization_staff_organize_their_own_trainings(client, db):
    org, staff = family_organization()
    t = training(org)
    client.force_login(staff)
    assert client.get(reverse("training_registrants", args=[t.pk])).status_code == 200
    assert client.get(reverse("training_new_organization", args=[org.pk])).status_code == 200


def test_organizers_record_who_came_and_the_training_is_held(client, setting):
    _body, chair, _member, t = setting
    came = actions.register(None, t, name="Ana", email="ana@example.org")
    missed = actions.register(None, t, name="Bea", email="bea@example.org")
    Training.objects.filter(pk=t.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    client.force_login(chair)
    response = client.post(reverse("training_attendance", args=[t.pk]), {"attended": [came.pk]})
    assert response.status_code == 302
    came.refresh_from_db()
    missed.refresh_from_db()
    assert came.attended is True and missed.attended is False
    assert Training.objects.get(pk=t.pk).status == "held"
    assert AuditEvent.objects.filter(action="training.attendance").exists()


def test_share_pages_are_public(client, setting):
    body, *_rest = setting
    assert "100%" in client.get(reverse("training_share")).content.decode()
    assert "100%" in client.get(reverse("training_share_body", args=[body.slug])).content.decode()


def test_the_collaborative_page_links_to_its_trainings(client, setting):
    body, *_rest = setting
    page = client.get(body.get_absolute_url()).content.decode()
    assert f"{reverse('training_list')}?body={body.slug}" in page
