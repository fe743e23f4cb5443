"""A barrier from a family's team to the state and back, never carrying the family."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from soc import factories as f
from soc.collaboratives import actions
from soc.collaboratives.models import Barrier
from soc.plans.tests.builders import add_plan

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db
WORDS = "No Spanish-speaking therapist for teens in Wake County"


@pytest.fixture
def bodies():
    state, family_chair, agency_chair = state_with_seats()
    local = body()
    local_member = f.StaffFactory()
    seat(local, "provider", local_member)
    work_group = actions.create_collaborative(
        admin(), name="Workforce", slug="workforce", kind="work_group", parent=state
    )
    return state, family_chair, local, local_member, work_group


def test_from_the_team_to_the_state_and_back(client, cast, bodies):
    state, family_chair, local, local_member, work_group = bodies
    client.force_login(cast.member)
    url = reverse("barrier_raise", args=[cast.family.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"description": WORDS}).status_code == 302
    barrier = Barrier.objects.get()
    assert barrier.body == local and barrier.county.name == "Wake" and barrier.status == "raised"

    client.force_login(local_member)
    escalate = reverse("barrier_escalate", args=[local.slug, barrier.pk])
    client.post(escalate, {"to": state.pk, "note": "We see this in many plans"})
    barrier.refresh_from_db()
    assert barrier.status == "escalated" and barrier.escalated_to == state

    client.force_login(family_chair)
    decide = reverse("barrier_decide", args=[local.slug, barrier.pk])
    client.post(
        decide, {"decision": "accepted", "reason": "A real gap", "work_group": work_group.pk}
    )
    barrier.refresh_from_db()
    assert barrier.status == "accepted" and barrier.work_group == work_group
    assert [s.status for s in barrier.steps.all()] == ["raised", "escalated", "accepted"]

    client.force_login(cast.caregiver)  # the team is told, on its own page
    team_page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "A real gap" in team_page and "Workforce" in team_page


def test_no_governance_page_identifies_the_family(client, cast, bodies):
    state, family_chair, local, local_member, _wg = bodies
    barrier = actions.raise_barrier(cast.facilitator, cast.family, description=WORDS)
    actions.escalate_barrier(local_member, barrier, to=state)
    family_words = [cast.family.display_name, "Rivera", "Maria", cast.facilitator.full_name]
    pages = [
        reverse("barrier", args=[local.slug, barrier.pk]),
        reverse("barrier_list", args=[local.slug]),
        reverse("barrier_list", args=[state.slug]),
        local.get_absolute_url(),
        reverse("collaborative_list"),
    ]
    for url in pages:
        for viewer in (None, family_chair):
            client.logout()
            if viewer:
                client.force_login(viewer)
            content = client.get(url).content.decode()
            assert WORDS in content or url.endswith("collaboratives/") or "barriers" not in url
            assert not any(word in content for word in family_words), (url, viewer)


def test_escalating_to_a_body_other_than_the_state_is_refused(cast, bodies):
    state, _fc, local, local_member, work_group = bodies
    barrier = actions.raise_barrier(cast.facilitator, cast.family, description=WORDS)
    for other in (work_group, body(name="Johnston JCPC", kind="jcpc")):
        with pytest.raises(ValidationError) as error:
            actions.escalate_barrier(local_member, barrier, to=other)
        assert "State Collaborative only" in str(error.value)
    assert Barrier.objects.get(pk=barrier.pk).status == "raised"


def test_the_state_merges_or_declines_with_a_reason(cast, bodies):
    state, family_chair, local, local_member, _wg = bodies
    one = actions.raise_barrier(cast.facilitator, cast.family, description=WORDS)
    two = actions.record_barrier(local_member, local, description="Same gap, other words")
    for b in (one, two):
        actions.escalate_barrier(local_member, b, to=state)
    with pytest.raises(ValidationError):
        actions.decide_barrier(family_chair, two, decision="declined", reason=" ")
    with pytest.raises(PermissionDenied):  # a local member does not decide for the state
        actions.decide_barrier(local_member, two, decision="declined", reason="No")
    merged = actions.decide_barrier(
        family_chair, two, decision="merged", reason="Same", merged_into=one
    )
    assert merged.merged_into == one


def test_outsiders_cannot_raise_a_barrier_for_a_family(cast, bodies):
    with pytest.raises(PermissionDenied):
        actions.raise_barrier(cast.other_org_staff, cast.family, description=WORDS)


def test_the_plan_page_offers_raise_a_barrier_to_the_team(client, cast, bodies):
    add_plan(cast)
    client.force_login(cast.member)
    page = client.get(reverse("plan", args=[cast.family.pk])).content.decode()
    assert reverse("barrier_raise", args=[cast.family.pk]) in page


def test_evidence_shows_unmet_needs_suppressed_and_referrals_not_available_yet(
    client, cast, bodies
):
    add_plan(cast)
    _state, _fc, local, local_member, _wg = bodies
    barrier = actions.record_barrier(local_member, local, description=WORDS)
    page = client.get(reverse("barrier", args=[local.slug, barrier.pk])).content.decode()
    assert "Not available yet." in page
