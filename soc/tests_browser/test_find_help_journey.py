"""A family looks for help on a phone, in Spanish, without signing in: "Find help" finds the
Spanish-language parenting class in Wake County. axe-core runs on every page visited."""

import pytest

from soc.directory import models as m
from soc.directory.needs import load_needs_taxonomy
from soc.directory.tests.curated import curated_directory

from .conftest import check_page
from .test_caregiver_journey import es

pytestmark = pytest.mark.browser


def test_a_family_finds_the_spanish_parenting_class_in_spanish_at_360_px(phone, artifacts):
    load_needs_taxonomy(m.Taxonomy, m.TaxonomyTerm)  # a transactional test may have emptied it
    curated_directory()
    page = phone
    page.goto("/find/")
    page.get_by_label("Language", exact=True).select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state("load")
    check_page(page, "find-help-es", artifacts, lang="es")

    page.get_by_label(es("What do you need help with?")).fill("clases para padres en espanol")
    page.get_by_label(es("Your ZIP code or address")).fill("27601")
    page.get_by_role("button", name=es("Search"), exact=True).click()
    page.wait_for_load_state("load")
    first = page.locator(".soc-card-list h3").first
    assert first.inner_text() == "Clases para padres en español"
    assert page.locator(".soc-card-list .usa-tag").first.text_content() == es("Has room")
    check_page(page, "find-help-es-results", artifacts, lang="es")

    first.get_by_role("link").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Clases para padres en español"
    check_page(page, "find-help-es-service", artifacts, lang="es")
