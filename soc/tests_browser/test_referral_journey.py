"""A referral closes the loop in the browser: the coordinator finds a service and refers from the
team page (1280 px), the provider accepts and completes it from the inbox (1280 px), and the
caregiver, on a phone in Spanish, sees where it stands (the need and the language in Spanish,
no staff-only "entered in error") and says whether she got the help she needed. axe-core finds
no serious or critical violation on any page; screenshots land in test-artifacts/."""

import pytest
from django.urls import reverse

from soc.directory import models as d
from soc.directory.needs import load_needs_taxonomy
from soc.referrals.models import Referral
from soc.referrals.tests.builders import add_service

from .conftest import assert_accessible, check_page
from .test_caregiver_journey import en, es, sign_in

pytestmark = pytest.mark.browser
DESK = {"width": 1280, "height": 900}


def _desk(browser, live_server):
    context = browser.new_context(viewport=DESK, base_url=live_server.url)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def _look(page, name, artifacts):
    page.wait_for_load_state("load")
    page.screenshot(path=str(artifacts / f"{name}-1280.png"), full_page=True)
    assert_accessible(page, name)


def _change(page, status, label):
    choice = page.locator(f"label[for='to-{status}']")
    assert choice.inner_text() == label
    choice.click()  # USWDS draws the radio button on its label
    with page.expect_navigation():
        page.get_by_role("button", name=en("Save the change")).click()


def _refer(browser, live_server, artifacts, cast, service):
    context, page = _desk(browser, live_server)
    try:
        page.goto(reverse("login"))
        sign_in(page, cast.facilitator.email, en)
        page.goto(reverse("family", args=[cast.family.pk]))
        panel = page.locator("section[aria-labelledby=referrals-heading]")
        with page.expect_navigation():
            panel.get_by_role("link", name=en("Refer"), exact=True).click()
        _look(page, "referral-find", artifacts)
        with page.expect_navigation():
            page.get_by_role("button", name=en("Show services")).click()
        with page.expect_navigation():
            page.get_by_role("link", name=f"Refer to {service.name}").click()
        _look(page, "referral-share", artifacts)
        # The family's language is chosen from what the family said; the kind of need is a
        # term, read by each person in their language.
        assert page.locator("#id_language").input_value() == "es"
        page.locator("#id_need_term").select_option(label="Parenting support")
        page.get_by_label(en("The need in the family's own words (optional)")).fill(
            "Clases para padres"
        )
        page.get_by_label(en("More about the need, for your team only (optional)")).fill(
            "After the custody hearing"
        )
        page.get_by_text(en("Text message"), exact=True).click()
        page.locator("#id_phone").fill("919-555-0123")
        page.get_by_text(en("The family agreed to share exactly this with the provider")).click()
        with page.expect_navigation():
            page.get_by_role("button", name=en("Save the referral")).click()
        _look(page, "referral-sent", artifacts)
        assert en("Sent, waiting for an answer") in page.locator("main").inner_text()
    finally:
        context.close()
    return Referral.objects.get(service=service)


def _provider_accepts_and_completes(browser, live_server, artifacts, provider, referral):
    context, page = _desk(browser, live_server)
    try:
        page.goto(reverse("login"))
        sign_in(page, provider.email, en)
        page.goto(reverse("referral_inbox"))
        _look(page, "referral-inbox", artifacts)
        assert "Clases para padres" in page.locator("main").inner_text()
        with page.expect_navigation():
            page.get_by_role("link", name="Maria Rivera").click()
        _look(page, "referral-received", artifacts)
        main = page.locator("main").inner_text()
        assert "919-555-0123" in main and "Parenting support" in main and "Spanish" in main
        assert "After the custody hearing" not in main  # the team's words stay with the team
        _change(page, "accepted", en("Accept it"))
        _look(page, "referral-accepted", artifacts)
        page.locator("#change-note").fill("Went to 8 classes")
        _change(page, "completed", en("The service is finished"))
        _look(page, "referral-completed", artifacts)
    finally:
        context.close()
    referral.refresh_from_db()
    assert referral.status == "completed" and referral.outcome == "Went to 8 classes"


def _reads_spanish_and_offers_no_correction(page):
    """The caregiver's referral page: the need and the language in Spanish, and only what a
    family may do (open it again), never the staff's "entered in error"."""
    main = page.locator("main")
    details = main.locator("dl").first.inner_text()
    assert "Apoyo para madres y padres" in details and "Parenting support" not in details
    shared = main.locator("dl").nth(1).inner_text()
    assert "Español" in shared and "Spanish" not in shared
    assert main.get_by_role("heading", name=es("Tell us how it went")).count() == 1
    assert es("Did you get the help you needed?") in main.inner_text()
    offered = main.locator("input[name=to]")
    assert [offered.nth(i).get_attribute("value") for i in range(offered.count())] == ["requested"]
    assert main.locator("#to-entered-in-error").count() == 0
    for words in ("It was entered by mistake", "Entered in error"):
        assert es(words) not in main.inner_text()


def test_a_referral_from_the_team_page_to_the_family_s_own_answer(
    cast, browser, phone, live_server, artifacts
):
    load_needs_taxonomy(d.Taxonomy, d.TaxonomyTerm)  # a transactional test may have emptied it
    service = add_service()
    provider = cast.same_org_staff
    provider.organization = service.organization.agency
    provider.save()
    referral = _refer(browser, live_server, artifacts, cast, service)
    _provider_accepts_and_completes(browser, live_server, artifacts, provider, referral)

    page = phone
    page.goto(reverse("login"))
    page.get_by_label(en("Language"), exact=True).select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Change language")).click()
    sign_in(page, cast.caregiver.email, es)
    page.goto(reverse("family", args=[cast.family.pk]))
    check_page(page, "referral-caregiver-family", artifacts, lang="es")
    panel = page.locator("section[aria-labelledby=referrals-heading]")
    assert es("Completed") in panel.text_content()
    assert "Apoyo para madres y padres" in panel.text_content()
    with page.expect_navigation():
        panel.get_by_role("link", name=es("Did you get the help you needed? Tell us.")).click()
    check_page(page, "referral-caregiver", artifacts, lang="es")
    _reads_spanish_and_offers_no_correction(page)
    page.get_by_text(es("Yes"), exact=True).click()
    page.get_by_label(es("Anything you want to add (optional)")).fill("Me ayudó mucho")
    with page.expect_navigation():
        page.get_by_role("button", name=es("Send my answer")).click()
    check_page(page, "referral-caregiver-answered", artifacts, lang="es")
    assert es("Thank you for telling us.") in page.locator("main").inner_text()
    referral.refresh_from_db()
    assert referral.family_answer == "yes" and referral.family_answer_note == "Me ayudó mucho"
