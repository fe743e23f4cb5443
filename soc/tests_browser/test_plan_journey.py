"""The plan in the browser: a Spanish-speaking caregiver on a phone reads the proposed plan and
agrees; a facilitator at a desk rates progress at a meeting. Every page passes axe-core
(WCAG 2.1 A/AA), fits 360 px and has no CSP errors; screenshots land in test-artifacts/."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.plans.models import PlanVersion, ProgressRating
from soc.plans.tests.builders import add_plan
from soc.teams.models import Meeting, Membership

from .conftest import assert_accessible, check_page
from .test_caregiver_journey import en, es, sign_in

pytestmark = pytest.mark.browser


def test_spanish_caregiver_reads_the_proposed_plan_and_agrees(cast, phone, artifacts):
    add_plan(cast)
    page = phone
    page.goto(reverse("login"))
    page.get_by_label(en("Language"), exact=True).select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Change language")).click()
    sign_in(page, cast.caregiver.email, es)
    page.goto(reverse("family", args=[cast.family.pk]))
    with page.expect_navigation():
        page.get_by_role("link", name=es("Our plan")).first.click()
    check_page(page, "plan-caregiver-in-effect", artifacts, lang="es")
    assert page.get_by_role("heading", level=1).inner_text() == es("Our plan")
    with page.expect_navigation():
        page.get_by_role("link", name=es("See the proposed new version")).click()
    check_page(page, "plan-caregiver-proposed", artifacts, lang="es")
    with page.expect_navigation():
        page.get_by_role("link", name=es("Read and answer")).click()
    check_page(page, "plan-caregiver-agree", artifacts, lang="es")
    assert "Dad stays in recovery" in page.locator("main").inner_text()  # her own writing
    reason = page.get_by_label(es("What would you change?"), exact=False)
    assert not reason.is_visible()  # asked only of who does not agree
    page.get_by_text(es("No, I do not agree yet"), exact=True).click()
    assert reason.is_visible()
    page.get_by_text(
        es("Yes, I agree with this plan"), exact=True
    ).click()  # USWDS styles the label
    assert not reason.is_visible()
    page.get_by_label(es("Type your full name to sign")).fill("María Rivera")
    with page.expect_navigation():
        page.get_by_role("button", name=es("Send my answer")).click()
    check_page(page, "plan-caregiver-agreed", artifacts, lang="es")
    assert es("Thank you for agreeing. The plan starts when everyone in the family agrees.") in (
        page.locator("main").inner_text()
    )
    assert PlanVersion.objects.get(pk=cast.plan_v2.pk).agreements.filter(agrees=True).exists()


def test_facilitator_rates_progress_at_a_meeting(cast, browser, live_server, artifacts):
    add_plan(cast)
    # José signed on paper: the facilitator records his answer on the plan's agreement area.
    f.MembershipFactory(
        team=cast.team, user=None, role=Membership.Role.CAREGIVER, name="José Rivera"
    )
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto(reverse("login"))
        sign_in(page, cast.facilitator.email, en)
        page.goto(reverse("meeting", args=[cast.family.pk, cast.meeting.pk]))
        with page.expect_navigation():
            page.get_by_role("link", name=en("Review the plan")).click()
        page.screenshot(path=str(artifacts / "plan-facilitator-review-1280.png"), full_page=True)
        assert_accessible(page, "plan-review")
        goal = page.get_by_role("group", name="Leo sleeps at home every night", exact=False)
        goal.get_by_label("the family's rating", exact=False).fill("6")
        goal.get_by_label("the team's rating", exact=False).fill("5")
        goal.get_by_label("what helped", exact=False).fill("Grandma's afternoons")
        with page.expect_navigation():
            page.get_by_role("button", name=en("Save the progress")).click()
        rating = ProgressRating.objects.get()
        assert (rating.family_rating, rating.team_rating) == (6, 5)
        page.goto(reverse("plan_goal", args=[cast.family.pk, cast.goal_v1.pk]))
        page.screenshot(path=str(artifacts / "plan-facilitator-goal-1280.png"), full_page=True)
        assert_accessible(page, "plan-goal")
        page.goto(reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk]))
        page.screenshot(path=str(artifacts / "plan-facilitator-draft-1280.png"), full_page=True)
        assert_accessible(page, "plan-facilitator")
        page.goto(reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk]))
        with page.expect_navigation():
            page.get_by_role(
                "link", name=en("Record an answer given in person, on paper or by phone")
            ).click()
        page.screenshot(path=str(artifacts / "plan-facilitator-record-1280.png"), full_page=True)
        assert_accessible(page, "plan-record-answer")
        for question, choice in (
            ("Who gave this answer?", "José Rivera"),
            ("Their answer", en("They agree with this plan")),
            ("How did they give it?", "On paper"),
        ):
            page.get_by_role("group", name=en(question)).get_by_text(choice, exact=True).click()
        with page.expect_navigation():
            page.get_by_role("button", name=en("Record the answer")).click()
        assert "recorded by Fran Facilitator on their behalf" in page.locator("main").inner_text()
        page.goto(reverse("plan_history", args=[cast.family.pk]) + "?a=1&b=2")
        page.screenshot(path=str(artifacts / "plan-facilitator-history-1280.png"), full_page=True)
        assert_accessible(page, "plan-history")
    finally:
        context.close()
