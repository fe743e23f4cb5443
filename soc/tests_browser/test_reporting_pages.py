"""A family co-chair of a CCPT, in Spanish on a phone, opens the body's draft annual report page
and the reporting requirements: readable at 360 px, axe finds nothing serious."""

import pytest
from django.urls import reverse

from soc.reporting.tests.builders import ccpt_year

from .conftest import check_page
from .test_caregiver_journey import en, es, sign_in

pytestmark = pytest.mark.browser


def test_a_family_co_chair_reads_the_draft_report_page_in_spanish_at_360_px(phone, artifacts):
    ccpt, holder = ccpt_year()
    holder.language = "es"
    holder.save()
    page = phone
    page.goto(reverse("annual_report", args=[ccpt.slug]))
    sign_in(page, holder.email, en)
    page.wait_for_load_state("load")
    check_page(page, "reporting-annual-es", artifacts, lang="es")
    assert ccpt.name in page.locator("h1").inner_text()

    page.goto(reverse("requirement_list"))
    check_page(page, "reporting-requirements-es", artifacts, lang="es")
    page.goto(reverse("reporting_duplication"))
    check_page(page, "reporting-duplication-es", artifacts, lang="es")
    assert page.locator("h1").inner_text() == es("Data items asked for more than once")
