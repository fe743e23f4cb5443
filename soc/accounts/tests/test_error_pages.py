"""Error pages and the lockout page speak the reader's language and say what is configured."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_403_is_in_the_readers_language(client, cast):
    cast.member.language = "es"
    cast.member.save()
    client.force_login(cast.member)
    response = client.get(reverse("family_edit", args=[cast.family.pk]))
    assert response.status_code == 403
    assert "Usted no puede hacer esto aquí" in response.content.decode()


def test_404_is_in_the_readers_language(client, cast):
    client.force_login(cast.caregiver)  # María reads Spanish
    response = client.get("/families/999999/")
    assert response.status_code == 404 and "No se encontró la página" in response.content.decode()


def test_500_is_in_the_readers_language_and_needs_no_database():
    with translation.override("es"):
        response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Algo salió mal" in page and 'lang="es"' in page and "Something went wrong" not in page


def test_lockout_page_names_the_configured_cool_off(client, settings, cast):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            reverse("login"), {"username": cast.caregiver.email, "password": "wrong"}
        )
    page = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 429 and "30 minutes" in page and "15 minutes" not in page
