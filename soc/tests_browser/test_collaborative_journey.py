"""A family co-chair of the State Collaborative, in Spanish on her phone, suggests an agenda
item, takes the roll, records a vote on a motion and approves the minutes; then anyone sees
the public tracker, the body's page and its barriers at 360 px and at a desk. axe-core runs
on every page visited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from soc.collaboratives import actions
from soc.collaboratives.models import AgendaItem, Minutes, Motion
from soc.collaboratives.tests.builders import admin, body, state_with_seats

from .conftest import check_page
from .test_caregiver_journey import en, es, sign_in
from .test_meeting_answers import check_desk_page
from .test_meeting_answers import desk as _desk  # noqa: F401  (the 1280 px page fixture)

pytestmark = pytest.mark.browser


@pytest.fixture
def governance():
    state, family_chair, agency_chair = state_with_seats()
    family_chair.language = "es"
    family_chair.save(update_fields=["language"])
    starts = timezone.now() + timedelta(days=2)
    meeting = actions.schedule_meeting(agency_chair, state, starts_at=starts, place="Raleigh")
    rec = actions.draft_recommendation(
        agency_chair,
        state,
        title="Un solo formulario de admisión",
        topic="coordination",
        text="Las agencias usan un solo formulario.",
        agencies=[],
    )
    actions.add_milestone(agency_chair, rec, title="Formulario acordado")
    actions.move_recommendation(agency_chair, rec, status="adopted")
    local = body()
    barrier = actions.record_barrier(
        admin(), local, description="No hay terapeutas que hablen español para adolescentes."
    )
    return state, family_chair, meeting, local, barrier


def _save(page):
    with page.expect_navigation():
        page.get_by_role("button", name=es("Save")).click()


def _in_spanish(page):
    page.goto(reverse("login"))
    page.get_by_label(en("Language"), exact=True).select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Change language")).click()


def test_a_family_co_chair_runs_a_meeting_in_spanish(governance, phone, artifacts, request):
    state, family_chair, meeting, local, barrier = governance
    page = phone
    _in_spanish(page)
    sign_in(page, family_chair.email, es)
    meeting_url = reverse("gov_meeting", args=[state.slug, meeting.pk])
    page.goto(meeting_url)
    check_page(page, "gov-meeting", artifacts, lang="es")

    # She suggests an item (an officer's goes straight on the agenda).
    page.get_by_role("link", name=es("Suggest an agenda item")).click()
    check_page(page, "gov-agenda-suggest", artifacts, lang="es")
    page.get_by_label(es("Item"), exact=True).fill("Informe del grupo de familias")
    _save(page)
    assert AgendaItem.objects.get(meeting=meeting).title == "Informe del grupo de familias"
    assert (
        page.get_by_role("status")
        .filter(has_text=es("Thank you. The item is on the list."))
        .count()
        == 1
    )

    # Roll call: everyone present, so there is quorum.
    page.get_by_role("link", name=es("Roll call")).click()
    for select in page.locator("main select").all():
        select.select_option("present")
    check_page(page, "gov-roll-call", artifacts, lang="es")
    _save(page)

    # A motion, then each member's vote.
    page.get_by_role("link", name=es("Record a motion")).click()
    page.get_by_label(es("Motion"), exact=True).fill("Aprobar el acta de la reunión.")
    page.locator("select[name=seconder]").select_option(index=2)
    check_page(page, "gov-motion", artifacts, lang="es")
    _save(page)
    for select in page.locator("main select").all():
        select.select_option("yes")
    check_page(page, "gov-votes", artifacts, lang="es")
    _save(page)
    motion = Motion.objects.get(meeting=meeting)
    assert motion.result == Motion.Result.CARRIED

    # Minutes: drafted, then approved by the motion; locked and published.
    page.get_by_role("link", name=es("Draft the minutes")).click()
    page.locator("textarea[name=text]").fill("Se presentó el informe de las familias.")
    _save(page)
    page.get_by_role("link", name=es("Approve the minutes")).click()
    page.locator("select[name=motion]").select_option(str(motion.pk))
    check_page(page, "gov-minutes-approve", artifacts, lang="es")
    _save(page)
    assert Minutes.objects.get(meeting=meeting).is_approved
    check_page(page, "gov-meeting-done", artifacts, lang="es")

    # Signed out, in Spanish: the public pages at 360 px and at a desk.
    public = [
        ("gov-tracker", reverse("recommendation_tracker")),
        ("gov-body", reverse("collaborative", args=[state.slug])),
        ("gov-meeting-public", meeting_url),
        ("gov-barriers", reverse("barrier_list", args=[local.slug])),
        ("gov-barrier", reverse("barrier", args=[local.slug, barrier.pk])),
    ]
    page.context.clear_cookies()
    _in_spanish(page)
    desk = request.getfixturevalue("_desk")  # the 1280 px page
    _in_spanish(desk)
    for name, url in public:
        page.goto(url)
        check_page(page, name, artifacts, lang="es")
        desk.goto(url)
        check_desk_page(desk, name, artifacts)
    page.goto(reverse("recommendation_tracker"))
    assert "Un solo formulario de admisión" in page.locator("main").inner_text()
    page.goto(meeting_url)
    assert "Se presentó el informe de las familias." in page.locator("main").inner_text()
