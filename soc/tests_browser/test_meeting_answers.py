"""A Spanish-speaking caregiver answers an invitation on her phone; the coordinator, at a desk,
sees her answer and records yesterday's meeting. axe-core runs on every page visited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from soc.teams.models import Meeting, MeetingAnswer

from .conftest import _console, _response, assert_accessible, check_page
from .test_caregiver_journey import en, es, sign_in

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 900}


@pytest.fixture
def desk(browser, live_server):
    """A 1280 px wide page, collecting the same problems as the phone's."""
    context = browser.new_context(viewport=DESK, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on("console", lambda msg: _console(page, msg))
    page.on("response", lambda response: _response(page, response))
    yield page
    context.close()


def check_desk_page(page, name, artifacts):
    page.wait_for_load_state("load")
    page.screenshot(path=str(artifacts / f"{name}-1280.png"), full_page=True)
    assert not page.problems, f"{name}: {page.problems}"
    assert_accessible(page, name)


def test_caregiver_answers_and_the_coordinator_records_yesterdays_meeting(
    cast, phone, desk, artifacts
):
    Meeting.objects.filter(pk=cast.meeting.pk).update(interpreter_language="es")
    meeting_url = reverse("meeting", args=[cast.family.pk, cast.meeting.pk])

    # Maria, on her phone in Spanish, answers the invitation.
    page = phone
    page.goto(reverse("login") + f"?next={meeting_url}")
    page.get_by_label(en("Language"), exact=True).select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Change language")).click()
    sign_in(page, cast.caregiver.email, es)
    if not page.url.endswith(meeting_url):
        page.goto(meeting_url)
    check_page(page, "caregiver-meeting-answer", artifacts, lang="es")
    main = page.locator("main")
    assert es("An interpreter for %(language)s has been asked for.", language="Español") in (
        main.inner_text()
    )
    answer = page.get_by_role("region", name=es("Are you coming?"))
    answer.get_by_text(es("Coming"), exact=True).click()  # the label: USWDS hides the radio
    assert answer.get_by_label(es("Coming"), exact=True).is_checked()
    answer.get_by_label(es("A note for the team"), exact=False).fill("Llego con Leo.")
    with page.expect_navigation():
        answer.get_by_role("button", name=es("Send my answer")).click()
    thanks = es("Thank you. The team can see your answer: %(answer)s.", answer=es("Coming"))
    assert page.get_by_role("status").filter(has_text=thanks).count() == 1
    check_page(page, "caregiver-meeting-answered", artifacts, lang="es")
    saved = MeetingAnswer.objects.get(meeting=cast.meeting)
    assert (saved.membership, saved.answer, saved.note) == (
        cast.caregiver_membership,
        "coming",
        "Llego con Leo.",
    )

    # The coordinator, at a desk, sees who is coming.
    page = desk
    page.goto(reverse("login") + f"?next={meeting_url}")
    sign_in(page, cast.facilitator.email, en)
    if not page.url.endswith(meeting_url):
        page.goto(meeting_url)
    check_desk_page(page, "coordinator-meeting-answers", artifacts)
    coming = page.get_by_role("region", name=en("Who is coming"))
    assert "Maria Rivera: Coming" in coming.inner_text()
    assert "Llego con Leo." in coming.inner_text()

    # She records yesterday's meeting, which nobody called here, in one form.
    page.goto(reverse("family", args=[cast.family.pk]))
    check_desk_page(page, "coordinator-team-page", artifacts)
    with page.expect_navigation():
        page.get_by_role("link", name=en("Record a meeting that already happened")).click()
    check_desk_page(page, "coordinator-record-held-form", artifacts)
    yesterday = timezone.localdate() - timedelta(days=1)
    page.get_by_label(en("Why did the team meet?")).select_option(Meeting.Reason.CRISIS)
    page.get_by_label(en("Date")).fill(yesterday.isoformat())
    page.get_by_label(en("Start time")).fill("16:00")
    page.get_by_label(en("End time")).fill("17:00")
    page.get_by_label(en("Place"), exact=False).first.fill("Casa de la familia")
    page.get_by_label("Maria Rivera").select_option("present")
    page.locator(f"label[for=id_interpreter_{cast.caregiver_membership.pk}]").click()
    page.get_by_role("textbox", name=en("Notes"), exact=False).fill(
        "Hablamos de la escuela de Leo."
    )
    with page.expect_navigation():
        page.get_by_role("button", name=en("Save the meeting")).click()
    held = Meeting.objects.get(status=Meeting.Status.HELD)
    assert page.url.endswith(reverse("meeting", args=[cast.family.pk, held.pk]))
    check_desk_page(page, "coordinator-held-meeting", artifacts)
    main = page.locator("main").inner_text()
    assert en("Held").upper() in main.upper() and "Hablamos de la escuela de Leo." in main
    assert page.get_by_role("link", name=en("Add to my calendar")).count() == 0
    assert page.get_by_role("link", name=en("Change"), exact=True).count() == 0
    assert timezone.localtime(held.starts_at).date() == yesterday

    # Maria sees it among the earlier meetings, as held, in Spanish.
    page = phone
    page.goto(reverse("family", args=[cast.family.pk]))
    check_page(page, "caregiver-team-page-held", artifacts, lang="es")
    meetings = page.get_by_role("region", name=es("Meetings"))
    assert es("Held").upper() in meetings.inner_text().upper()
    page.goto(reverse("meeting", args=[cast.family.pk, held.pk]))
    check_page(page, "caregiver-held-meeting", artifacts, lang="es")
