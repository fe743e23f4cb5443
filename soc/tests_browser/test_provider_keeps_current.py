"""A provider's staff member, in Spanish on a phone, keeps a service right: finds it among
"Your services", edits what families read, and sees Find help show the change."""

import pytest
from django.urls import reverse

from soc.directory import models as m
from soc.directory.needs import load_needs_taxonomy
from soc.directory.tests.curated import curated_directory
from soc.factories import StaffFactory

from .conftest import check_page
from .test_caregiver_journey import en, es, sign_in

pytestmark = pytest.mark.browser


def test_provider_staff_edit_a_service_in_spanish_at_360_px(phone, artifacts):
    load_needs_taxonomy(m.Taxonomy, m.TaxonomyTerm)
    services = curated_directory()
    provider = StaffFactory(language="es")
    service = services["spanish_class"]
    service.organization.agency = provider.organization
    service.organization.save()

    page = phone
    page.goto(reverse("my_services"))
    sign_in(page, provider.email, en)  # the sign-in page is in English; the account is not
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == es("Your services")
    check_page(page, "provider-services-es", artifacts, lang="es")

    page.get_by_role("link", name=service.name, exact=True).click()
    page.wait_for_load_state("load")
    check_page(page, "provider-service-details-es", artifacts, lang="es")
    page.get_by_label(es("What it offers")).fill("Talleres para madres y padres, los sábados.")
    page.get_by_text(es("Vietnamese"), exact=True).click()  # USWDS hides the box itself
    page.get_by_label(es("Oldest age served")).fill("17")
    page.get_by_role("button", name=es("Save"), exact=True).click()
    page.wait_for_load_state("load")

    assert page.locator("h1").inner_text() == service.name  # back on its Find help page
    assert "los sábados" in page.locator("main").inner_text()
    service.refresh_from_db()
    assert service.maximum_age == 17
    codes = set(service.languages.filter(location__isnull=True).values_list("code", flat=True))
    assert codes == {"es", "vi"}
    assert es("Saved. Families now see the new information.") in page.content()
    check_page(page, "provider-service-saved-es", artifacts, lang="es")
