"""A Spanish-speaking family finds a training on a phone and registers without signing in:
the list, the training page and the confirmation, all in Spanish at 360 px, axe-clean."""

import pytest

from soc.trainings.models import CoFacilitator, Registration
from soc.trainings.tests.builders import hosted_body, training

from .conftest import check_page
from .test_caregiver_journey import es

pytestmark = pytest.mark.browser


def test_a_spanish_speaking_family_registers_for_a_training_at_360_px(phone, artifacts):
    body, _chair, _member = hosted_body()
    t = training(body, title="Cómo pedir apoyo en la escuela", capacity=20)
    CoFacilitator.objects.create(training=t, name="María Rivera", lived_experience="family")
    page = phone
    page.set_default_navigation_timeout(60_000)  # the first page of a run starts the server
    page.goto("/trainings/")
    page.get_by_label("Language", exact=True).select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state("load")
    check_page(page, "trainings-es", artifacts, lang="es")
    assert page.get_by_text(es("Co-led by a family member")).is_visible()

    page.locator("#id_language").select_option("es")
    page.get_by_role("button", name=es("Show trainings")).click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name="Cómo pedir apoyo en la escuela").click()
    page.wait_for_load_state("load")
    check_page(page, "training-es", artifacts, lang="es")

    page.get_by_label(es("your name").capitalize()).fill("Lucía Pérez")
    page.get_by_label(es("e-mail").capitalize()).fill("lucia@example.org")
    page.locator("label[for=id_needs_interpreter]").click()  # USWDS styles the label
    page.get_by_role("button", name=es("Register"), exact=True).click()
    page.wait_for_load_state("load")
    assert page.get_by_text(es("You are registered. We saved a place for you.")).is_visible()
    check_page(page, "training-es-registered", artifacts, lang="es")
    registration = Registration.objects.get()
    assert registration.name == "Lucía Pérez" and registration.needs_interpreter
    assert registration.language == "es"
