"""A Spanish-speaking caregiver on a phone: signs in, approves a member, calls a meeting.

Every page is checked with axe-core (WCAG 2.1 A/AA), for sideways scrolling at 360 px and
for script or CSP errors, and saved as a screenshot in test-artifacts/.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from soc.teams.models import Meeting, Membership

from .conftest import check_page

pytestmark = pytest.mark.browser

PASSWORD = "Correct-Horse-9"  # noqa: S105  (the factories' password)
NEW_YORK = ZoneInfo("America/New_York")


def es(message, **values):
    """The Spanish the page should show, whatever the catalogue holds today."""
    with translation.override("es"):
        text = gettext(message)
    return text % values if values else text


def en(message):
    with translation.override("en"):
        return gettext(message)


def sign_in(page, email, text):
    page.get_by_label(text("E-mail")).fill(email)
    password = page.get_by_label(text("Password"))
    password.fill(PASSWORD)
    with page.expect_navigation():
        password.press("Enter")  # the keyboard submits the form


def tab_to(page, locator, limit=80):
    """Press Tab until `locator` has the focus, as a keyboard user would; fail if it never does."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(el) => document.activeElement === el", handle):
            return handle
    raise AssertionError(f"{locator} cannot be reached with the Tab key")


def test_spanish_caregiver_approves_a_member_and_calls_a_meeting(cast, phone, artifacts):
    page = phone
    family_url = reverse("family", args=[cast.family.pk])

    # An anonymous visitor gets English, and can switch to Spanish from the footer.
    page.goto(reverse("login"))
    check_page(page, "sign-in-en", artifacts, lang="en")
    page.get_by_label(en("Language"), exact=True).select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Change language")).click()
    assert page.url.endswith(reverse("login"))
    check_page(page, "sign-in-es", artifacts, lang="es")
    assert page.get_by_role("heading", level=1).inner_text() == es("Sign in")

    # She signs in and stays in Spanish.
    sign_in(page, cast.caregiver.email, es)
    assert page.url.endswith(reverse("home"))
    check_page(page, "caregiver-home", artifacts, lang="es")
    hello = es("Hello, %(name)s", name=cast.caregiver.get_short_name())
    assert page.get_by_role("heading", level=1).inner_text() == hello
    with page.expect_navigation():
        page.get_by_role("link", name=es("The %(surname)s family", surname="Rivera")).click()
    assert page.url.endswith(family_url)
    check_page(page, "caregiver-team-page", artifacts, lang="es")
    assert page.get_by_role("heading", level=1).inner_text() == es("Our team")

    # Pat waits for her approval. She reaches "Yes, add Pat" with the keyboard alone.
    waiting = page.get_by_role("region", name=es("Waiting for your approval"))
    assert cast.proposed.full_name in waiting.inner_text()
    approve = waiting.get_by_role(
        "button", name=es("Yes, add %(name)s", name=cast.proposed_membership.name)
    )
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == es("Skip to main content"), "the first Tab stop is not the skip link"
    button = tab_to(page, approve)
    outline = page.evaluate("(el) => getComputedStyle(el).outlineStyle", button)
    assert outline not in ("", "none"), "the focused button shows no focus outline"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Right after saying yes she is offered the sharing settings, then goes back to the team.
    approved = es("%(name)s is now on your team.", name=cast.proposed_membership.name)
    assert page.get_by_role("status").filter(has_text=approved).count() == 1
    check_page(page, "caregiver-member-approved", artifacts, lang="es")
    assert page.get_by_role("link", name=es("Choose what to share")).count() == 1
    with page.expect_navigation():
        page.get_by_role("link", name=es("Back to our team")).click()
    assert page.url.endswith(family_url)
    assert page.get_by_role("region", name=es("Waiting for your approval")).count() == 0
    members = page.get_by_role("region", name=es("Team members"))
    assert cast.proposed.full_name in members.inner_text()
    check_page(page, "caregiver-team-page-after-approval", artifacts, lang="es")

    # She calls a team meeting.
    with page.expect_navigation():
        page.get_by_role("link", name=es("Call a team meeting")).click()
    assert page.url.endswith(reverse("meeting_new", args=[cast.family.pk]))
    check_page(page, "caregiver-meeting-form", artifacts, lang="es")
    day = timezone.localdate() + timedelta(days=9)
    page.get_by_label(es("Why is the team meeting?")).select_option(Meeting.Reason.SCHOOL_CHANGE)
    page.get_by_label(es("Date")).fill(day.isoformat())
    page.get_by_label(es("Start time")).fill("17:30")
    page.get_by_label(es("End time")).fill("18:45")
    page.get_by_label(es("Place")).fill("Biblioteca de Garner")
    page.get_by_label(es("Agenda")).fill("Cambio de escuela de Leo")
    with page.expect_navigation():
        page.get_by_role("button", name=es("Call the meeting")).click()

    meeting = Meeting.objects.exclude(pk=cast.meeting.pk).get(team=cast.team)
    assert page.url.endswith(reverse("meeting", args=[cast.family.pk, meeting.pk]))
    check_page(page, "caregiver-meeting-page", artifacts, lang="es")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert es(Meeting.Reason.SCHOOL_CHANGE.label) in heading
    assert "Cambio de escuela de Leo" in page.locator("main").inner_text()

    # What the server did.
    cast.proposed_membership.refresh_from_db()
    assert cast.proposed_membership.status == Membership.Status.ACTIVE
    assert meeting.called_by == cast.caregiver
    assert meeting.reason == Meeting.Reason.SCHOOL_CHANGE
    assert meeting.place == "Biblioteca de Garner"
    assert meeting.starts_at == datetime.combine(day, time(17, 30), NEW_YORK)
    assert meeting.ends_at == datetime.combine(day, time(18, 45), NEW_YORK)

    # The e-mails, sent by the live server's thread into this process's locmem outbox:
    # Pat is welcomed, and everyone on the team with an e-mail, Pat included, is invited.
    welcome = [m for m in mail.outbox if m.to == [cast.proposed.email] and not m.attachments]
    assert len(welcome) == 1
    invitations = [m for m in mail.outbox if m.attachments]
    expected = cast.team.memberships.active().exclude(email="").values_list("email", flat=True)
    assert {cast.proposed.email, cast.caregiver.email} <= set(expected)
    assert sorted(m.to[0] for m in invitations) == sorted(expected)  # one each
    assert all(len(m.to) == 1 for m in invitations)
    [invitation] = [m for m in invitations if m.to == [cast.caregiver.email]]
    assert invitation.subject == es("Your Child and Family Team is meeting")
    assert b"METHOD:REQUEST" in invitation.attachments[0].content


def test_staff_from_another_organization_gets_not_found(cast, phone, artifacts):
    page = phone
    page.goto(reverse("login"))
    check_page(page, "outsider-sign-in", artifacts, lang="en")
    sign_in(page, cast.other_org_staff.email, en)
    assert page.url.endswith(reverse("home"))
    check_page(page, "outsider-home", artifacts, lang="en")
    assert cast.family.display_name not in page.locator("main").inner_text()

    response = page.goto(reverse("family", args=[cast.family.pk]))
    assert response.status == 404
    check_page(page, "outsider-family-not-found", artifacts, lang="en")
    assert page.get_by_role("heading", level=1).inner_text() == en("Page not found")
    body = page.locator("body").inner_text()
    assert cast.family.display_name not in body
    assert "Rivera" not in body
