"""The facilitator's pages on a phone: every one passes axe-core, fits 360 px, has no CSP errors."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from soc.teams.models import Meeting

from .conftest import check_page
from .test_caregiver_journey import en, sign_in

pytestmark = pytest.mark.browser


def test_facilitator_pages_are_accessible_at_360px(cast, phone, artifacts):
    page = phone
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    page.goto(reverse("login"))
    sign_in(page, cast.facilitator.email, en)
    family, meeting = cast.family.pk, cast.meeting.pk
    pages = {
        "family-new": reverse("family_new"),
        "family-edit": reverse("family_edit", args=[family]),
        "person-add": reverse("person_add", args=[family]),
        "member-suggest": reverse("member_add", args=[family]),
        "member-required": reverse(
            "member_required", args=[family, cast.facilitator_membership.pk]
        ),
        "meeting": reverse("meeting", args=[family, meeting]),
        "meeting-record": reverse("meeting_record", args=[family, meeting]),
        "meeting-cancel": reverse("meeting_cancel", args=[family, meeting]),
        "consents": reverse("consents", args=[family]),
        "consent-new": reverse("consent_new", args=[family]),
        "consent": reverse("consent", args=[family, cast.consent.pk]),
        "who-looked": reverse("who_looked", args=[family]),
        "search": reverse("search") + "?q=Rivera",
        "account": reverse("account"),
    }
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, (name, response.status)
        check_page(page, f"facilitator-{name}", artifacts, lang="en")

    # Recording attendance by keyboard-free form filling, then the saved meeting page.
    page.goto(pages["meeting-record"])
    page.get_by_role("textbox", name=en("Notes"), exact=False).fill("Talked about school.")
    with page.expect_navigation():
        page.get_by_role("button", name=en("Save")).click()
    check_page(page, "facilitator-meeting-recorded", artifacts, lang="en")
    assert "Talked about school." in page.locator("main").inner_text()
