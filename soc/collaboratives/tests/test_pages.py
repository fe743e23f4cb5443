"""The governance pages: public where the work is public, editing with a seat or the permission."""

import pytest
from django.urls import reverse

from soc import factories as f
from soc.audit.models import AuditEvent

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db


def test_anyone_sees_the_list_and_a_body_with_its_seats_and_vacancies(client):
    state, *_ = state_with_seats()
    local = body(purpose="We meet to fix gaps.", meets="Second Tuesday, 6 pm")
    seat(local, "youth", None, is_reserved=True)
    listing = client.get(reverse("collaborative_list")).content.decode()
    assert "State Collaborative" in listing and "Wake Community Collaborative" in listing
    page = client.get(local.get_absolute_url()).content.decode()
    assert "We meet to fix gaps." in page and "Second Tuesday, 6 pm" in page
    assert "Vacant" in page and "A seat reserved for Youth is vacant." in page
    assert "Fe Familia" in client.get(state.get_absolute_url()).content.decode()


def test_the_page_reads_in_spanish(client):
    state, *_ = state_with_seats()
    client.cookies["django_language"] = "es"
    page = client.get(state.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Quién participa" in page


def test_a_member_without_an_office_cannot_open_the_edit_pages(client):
    local = body()
    member = f.StaffFactory()
    seat(local, "provider", member)
    client.force_login(member)
    assert client.get(reverse("collaborative_edit", args=[local.slug])).status_code == 403
    assert client.get(reverse("seat_add", args=[local.slug])).status_code == 403


def test_an_admin_sets_up_a_body_and_the_form_view_is_recorded(client):
    user = admin()
    client.force_login(user)
    assert client.get(reverse("collaborative_new")).status_code == 200
    assert AuditEvent.objects.filter(actor=user, action="collaborative_new.view").exists()
    response = client.post(
        reverse("collaborative_new"),
        {
            "name": "Johnston JCPC",
            "slug": "johnston-jcpc",
            "kind": "jcpc",
            "family_voting_share": 0,
        },
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(actor=user, action="collaborative.create").exists()


def test_a_chair_fills_a_seat_and_an_overlapping_holder_gets_a_clear_message(client):
    local = body()
    chair = f.StaffFactory()
    seat(local, "agency", chair, office="chair")
    school = seat(local, "school", "Ann School")
    client.force_login(chair)
    url = reverse("seat_fill", args=[local.slug, school.pk])
    response = client.post(url, {"name": "Bea", "starts_on": "2026-03-01"})
    assert response.status_code == 200
    assert "Someone else holds this seat on some of these dates." in response.content.decode()
