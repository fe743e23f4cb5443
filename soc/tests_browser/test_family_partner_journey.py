"""A Spanish-speaking mother asks for a family partner on her phone, without signing in; a family
partner, at a desk, finds the request in the inbox and claims it. axe-core runs on every page."""

import pytest
from django.urls import reverse

from soc.family_partners.models import FamilyRequest
from soc.family_partners.tests.builders import family_organization, partner

from .conftest import check_page
from .test_caregiver_journey import en, es, sign_in
from .test_meeting_answers import check_desk_page, desk  # noqa: F401  (the 1280 px page)

pytestmark = pytest.mark.browser


def tick(page, label):
    """USWDS draws its own boxes over the inputs: a person (and the keyboard) uses the label."""
    box = page.get_by_label(label, exact=True)
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    assert box.is_checked()


def test_a_family_asks_in_spanish_at_360_px_and_a_partner_claims_it(phone, desk, artifacts):  # noqa: F811
    pam = partner(family_organization("Wake Family Partners", "Wake"), "Pam Partner")

    page = phone
    page.goto(reverse("connect"))
    page.get_by_label(en("Language"), exact=True).select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Change language")).click()
    check_page(page, "connect-es", artifacts, lang="es")

    # Sent empty first: the messages come in Spanish, on the page.
    with page.expect_navigation():
        page.get_by_role("button", name=es("Send my request")).click()
    check_page(page, "connect-es-errors", artifacts, lang="es")
    assert es("Please tell us what to call you.") in page.locator("main").inner_text()

    page.get_by_label(es("Your first name, or what we should call you")).fill("Lucía")
    tick(page, es("Text message"))
    page.get_by_label(es("Phone number")).fill("919-555-0142")
    tick(page, es("No"))
    tick(page, es("Spanish"))
    page.get_by_label(es("Or your ZIP code")).fill("27601")
    tick(page, es("School problems"))
    tick(page, es("I agree that a family partner may contact me in the ways I chose."))
    with page.expect_navigation():
        page.get_by_role("button", name=es("Send my request")).click()
    check_page(page, "connect-es-thanks", artifacts, lang="es")
    assert es("They contact you within 2 business days") in page.locator("main").inner_text()
    sent = FamilyRequest.objects.get()
    assert sent.county.name == "Wake" and sent.language == "es" and not sent.safe_to_leave_message

    # Pam, at her desk, claims it.
    page = desk
    page.goto(reverse("login") + "?next=" + reverse("family_request_inbox"))
    sign_in(page, pam.email, en)
    if not page.url.endswith(reverse("family_request_inbox")):
        page.goto(reverse("family_request_inbox"))
    check_desk_page(page, "family-partner-inbox", artifacts)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Request {sent.pk}").click()
    check_desk_page(page, "family-partner-request", artifacts)
    assert "919-555-0142" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Claim this request").click()
    check_desk_page(page, "family-partner-claimed", artifacts)
    assert FamilyRequest.objects.get().claimed_by == pam
