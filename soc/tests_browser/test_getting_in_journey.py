"""Getting a family in: a coordinator at a desk opens a family with the mother's e-mail and
suggests a therapist; the mother follows the e-mailed link on her phone, creates her account in
Spanish and approves the therapist. axe-core runs on every page visited."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.urls import reverse

from soc import factories as f
from soc.accounts.models import User
from soc.teams.models import Membership

from .conftest import assert_accessible, check_page
from .test_caregiver_journey import en, es, sign_in

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 900}
NEW_PASSWORD = "Mi-clave-segura-2026"  # noqa: S105


def desk_check(page, name, artifacts):
    page.wait_for_load_state("load")
    page.screenshot(path=str(artifacts / f"{name}-1280.png"), full_page=True)
    assert not page.problems, f"{name}: {page.problems}"
    assert_accessible(page, name)


@pytest.fixture
def desk(browser, live_server):
    context = browser.new_context(viewport=DESK, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    yield page
    context.close()


def test_coordinator_opens_a_family_and_the_mother_joins_and_approves_in_spanish(
    desk, phone, artifacts
):
    agency = f.OrganizationFactory(name="Wake County Human Services", phone="919-555-0100")
    coordinator = f.StaffFactory(full_name="Fran Facilitator", organization=agency)
    f.OrganizationFactory(name="Triangle Counseling", kind="provider")

    # At her desk, the coordinator opens the family with the mother's e-mail.
    page = desk
    page.goto(reverse("login"))
    sign_in(page, coordinator.email, en)
    page.goto(reverse("family_new"))
    desk_check(page, "coordinator-family-new", artifacts)
    page.fill("[name=display_name]", "The García family")
    page.select_option("[name=county]", label="Wake")
    page.select_option("[name=primary_language]", "es")
    page.fill("[name=people-0-first_name]", "Sofía")
    page.fill("[name=people-0-last_name]", "García")
    page.fill("[name=people-0-date_of_birth]", "2016-04-02")
    page.select_option("[name=people-1-role]", "caregiver")
    page.fill("[name=people-1-first_name]", "Lucía")
    page.fill("[name=people-1-last_name]", "García")
    page.select_option("[name=people-1-relation]", "mother")
    page.select_option("[name=people-1-preferred_language]", "es")
    page.fill("[name=people-1-email]", "lucia@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Open the family")).click()
    family_url = urlparse(page.url).path
    desk_check(page, "coordinator-team-page", artifacts)
    members = page.get_by_role("region", name=en("Team members"))
    assert "Lucía García" in members.inner_text()
    send_again = en("Send %(name)s the account link again") % {"name": "Lucía García"}
    assert members.get_by_role("button", name=send_again).count() == 1

    # She suggests a therapist, saying why.
    with page.expect_navigation():
        page.get_by_role("link", name=en("Suggest a team member")).click()
    desk_check(page, "coordinator-suggest-member", artifacts)
    page.get_by_label(en("Name"), exact=True).fill("Teo Terapeuta")
    page.get_by_label(en("Role on the team")).select_option("provider")
    page.get_by_label(en("Why would this person help the family?")).fill(
        "Sofía necesita apoyo con la ansiedad en la escuela."
    )
    page.get_by_label(en("Organization")).select_option(label="Triangle Counseling")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Send the suggestion")).click()
    desk_check(page, "coordinator-team-page-waiting", artifacts)

    # The mother's invitation: in Spanish, from the coordinator and her agency.
    (invitation,) = [m for m in mail.outbox if "/invitations/" in m.body]
    assert invitation.to == ["lucia@example.org"]
    assert "Fran Facilitator, de Wake County Human Services" in invitation.body
    link = urlparse(re.search(r"https?://\S+/invitations/\S+/", invitation.body).group(0)).path

    # On her phone, she follows the link: the page is in her language.
    page = phone
    page.goto(link)
    check_page(page, "mother-accept-invitation", artifacts, lang="es")
    assert "Fran Facilitator" in page.locator("main").inner_text()
    page.get_by_label(es("Choose a password")).fill(NEW_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=es("Create my account and join")).click()
    assert urlparse(page.url).path == family_url
    check_page(page, "mother-team-page", artifacts, lang="es")
    assert User.objects.get(email="lucia@example.org").language == "es"

    # The request says who suggested Teo, from where, why, and what Teo will see.
    waiting = page.get_by_role("region", name=es("Waiting for your approval"))
    text = waiting.inner_text()
    assert "Teo Terapeuta" in text and "Triangle Counseling" in text
    assert "Fran Facilitator, Wake County Human Services" in text
    assert "Sofía necesita apoyo con la ansiedad en la escuela." in text
    assert es("Why") in text
    with page.expect_navigation():
        waiting.get_by_role("button", name=es("Yes, add %(name)s", name="Teo Terapeuta")).click()
    check_page(page, "mother-member-approved", artifacts, lang="es")
    assert page.get_by_role("link", name=es("Choose what to share")).count() == 1
    with page.expect_navigation():
        page.get_by_role("link", name=es("Back to our team")).click()
    check_page(page, "mother-team-page-after-approval", artifacts, lang="es")
    teo = Membership.objects.get(name="Teo Terapeuta")
    assert teo.status == Membership.Status.ACTIVE
    assert "Teo Terapeuta" in page.get_by_role("region", name=es("Team members")).inner_text()


def test_grandmother_without_email_joins_with_the_code_from_her_letter(cast, phone, artifacts):
    from soc.teams import actions

    rosa = Membership.objects.create(
        team=cast.team, role="caregiver", status="active", name="Rosa Jiménez", language="es"
    )
    _invitation, code = actions.print_letter(cast.facilitator, rosa)
    page = phone
    page.goto(reverse("join_with_code") + "?lang=es")  # the QR code's link, without the code
    check_page(page, "grandmother-join-code", artifacts, lang="es")
    page.get_by_label(es("Your code")).fill(code.lower())
    with page.expect_navigation():
        page.get_by_role("button", name=es("Continue")).click()
    check_page(page, "grandmother-join-account", artifacts, lang="es")
    page.get_by_label(es("Your e-mail")).fill("rosa@example.org")
    page.get_by_label(es("Choose a password")).fill(NEW_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=es("Create my account and join")).click()
    check_page(page, "grandmother-team-page", artifacts, lang="es")
    rosa.refresh_from_db()
    assert rosa.user.email == "rosa@example.org"
