"""Family partnership measured per body, per meeting and across the state."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.collaboratives import actions, partnership

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db


def test_a_body_counts_family_seats_chairs_attendance_items_and_motions():
    state, chair, agency_chair = state_with_seats()
    meeting = actions.schedule_meeting(
        chair, state, starts_at=timezone.make_aware(datetime(2026, 2, 1, 18, 0))
    )
    family = state.seats.get(seat_type="family")
    youth = state.seats.get(seat_type="youth")
    roll = dict.fromkeys(state.seats.all(), "present")
    roll[youth] = "absent"
    actions.take_roll(chair, meeting, roll)
    actions.suggest_item(chair, meeting, title="From the family co-chair")
    actions.suggest_item(agency_chair, meeting, title="From the agency co-chair")
    actions.make_motion(chair, meeting, text="A", mover=family)
    wg = actions.create_collaborative(
        admin(),
        name="Training",
        slug="training",
        kind="work_group",
        parent=state,
    )
    seat(wg, "family", f.UserFactory(), office="chair")
    p = partnership.for_body(state)
    assert (p.seats, p.family_seats, p.voting_seats, p.family_voting_seats) == (5, 2, 4, 2)
    assert p.voting_share == 50 and p.family_chairs == 1
    assert (p.family_attended, p.family_expected, p.attendance_share) == (1, 2, 50)
    assert (p.family_items, p.items, p.family_motions, p.motions) == (1, 2, 1, 1)
    assert (p.family_chaired_work_groups, p.work_groups) == (1, 1)
    assert partnership.for_meeting(meeting).family_attended == 1


def test_the_state_rollup_adds_up_the_local_bodies(client):
    one = body(name="Wake CC", slug="wake-cc")
    two = body(name="Johnston JCPC", slug="johnston-jcpc", kind="jcpc")
    seat(one, "family", "F1")
    seat(one, "agency", "A1")
    seat(two, "youth", "Y1", office="co_chair")
    rows, total = partnership.state_rollup()
    assert len(rows) == 2 and total.voting_seats == 3 and total.family_voting_seats == 2
    page = client.get(reverse("partnership")).content.decode()
    assert "Johnston JCPC" in page and "67%" in page
