"""Seats, terms and the body's own rules."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from soc import factories as f
from soc.collaboratives import actions, standing
from soc.collaboratives.models import Collaborative, Seat, SeatTerm

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db


def test_the_state_collaborative_starts_with_a_family_co_chair_and_a_quarter_of_voting_seats():
    state = actions.create_collaborative(
        admin(), name="State Collaborative", slug="state", kind=Collaborative.Kind.STATE
    )
    assert state.needs_family_co_chair and state.family_voting_share == 25
    assert state.level == Collaborative.Level.STATE


def test_a_second_state_collaborative_is_refused():
    actions.create_collaborative(admin(), name="S", slug="s", kind=Collaborative.Kind.STATE)
    with pytest.raises(ValidationError):
        actions.create_collaborative(admin(), name="T", slug="t", kind=Collaborative.Kind.STATE)


def test_work_groups_nest_to_any_depth_and_take_the_level_of_their_body():
    state, *_ = state_with_seats()
    user = admin()
    funding = actions.create_collaborative(
        user, name="Funding", slug="funding", kind="work_group", parent=state
    )
    sub = actions.create_collaborative(
        user, name="Medicaid", slug="medicaid", kind="work_group", parent=funding
    )
    assert sub.level == "state" and sub.lineage() == [state, funding] and sub.top() == state


def test_a_work_group_needs_a_body_above_it():
    with pytest.raises(ValidationError) as error:
        actions.create_collaborative(admin(), name="W", slug="w", kind="work_group")
    assert "parent" in error.value.message_dict


def test_setting_up_a_body_needs_the_permission():
    with pytest.raises(PermissionDenied):
        actions.create_collaborative(f.StaffFactory(), name="X", slug="x", kind="jcpc")


def test_two_people_in_one_seat_on_overlapping_dates_are_refused():
    local = body()
    the_seat = seat(local, "school")
    user = admin()
    actions.fill_seat(user, the_seat, name="Ann", starts_on=date(2026, 1, 1), ends_on=None)
    with pytest.raises(ValidationError) as error:
        actions.fill_seat(user, the_seat, name="Bea", starts_on=date(2026, 6, 1))
    assert "Someone else holds this seat" in str(error.value)
    assert SeatTerm.objects.filter(seat=the_seat).count() == 1


def test_a_seat_is_filled_again_after_the_term_ends():
    local = body()
    the_seat = seat(local, "school")
    user = admin()
    term = actions.fill_seat(user, the_seat, name="Ann", starts_on=date(2025, 1, 1))
    actions.end_term(user, term, ends_on=date(2025, 12, 31))
    actions.fill_seat(user, the_seat, name="Bea", starts_on=date(2026, 1, 1))
    assert the_seat.terms.count() == 2


def test_an_officer_may_manage_seats_and_a_plain_member_may_not():
    local = body()
    chair, member = f.StaffFactory(), f.StaffFactory()
    seat(local, "agency", chair, office="chair")
    seat(local, "provider", member)
    actions.add_seat(chair, local, seat_type="faith", label="", is_reserved=False, is_voting=True)
    with pytest.raises(PermissionDenied):
        actions.add_seat(member, local, seat_type="faith")


def test_the_state_collaborative_meeting_its_rules_shows_no_warning():
    state, *_ = state_with_seats()
    assert standing.rule_warnings(state) == []


def test_no_family_co_chair_and_too_few_family_seats_are_warned_about():
    state = actions.create_collaborative(
        admin(), name="State", slug="state", kind=Collaborative.Kind.STATE
    )
    seat(state, "agency", f.StaffFactory(), office="co_chair")
    seat(state, "provider", "P")
    seat(state, "family", None, is_reserved=True)
    warnings = standing.rule_warnings(state)
    assert "None of the co-chairs is a family member." in warnings
    assert any("hold 0 of 3 voting seats" in w for w in warnings)
    assert "A seat reserved for Family member is vacant." in warnings


@given(st.integers(0, 200), st.integers(0, 200), st.integers(0, 100))
def test_the_share_rule_is_exact_in_whole_numbers(family, others, percent):
    seats = family + others
    assert standing.meets_share(family, seats, percent) == (
        seats == 0 or family / seats * 100 >= percent - 1e-9
    )


@given(st.integers(0, 60), st.integers(0, 60), st.booleans(), st.booleans())
def test_quorum_is_a_majority_of_voting_seats_and_a_family_member_when_asked(
    seats, present, family_present, needs_family
):
    present = min(present, seats)
    quorate = standing.is_quorate(seats, present, family_present, needs_family)
    assert quorate == (present > seats / 2 and (family_present or not needs_family))
    if quorate and present < seats:  # one more present never loses the quorum
        assert standing.is_quorate(seats, present + 1, family_present, needs_family)


def test_seats_are_listed_with_vacancies():
    local = body()
    seat(local, "family", "Fay")
    empty = seat(local, "youth", None, is_reserved=True)
    holders = standing.seat_holders(local)
    assert [(s.seat_type, t is None) for s, t in holders] == [("family", False), ("youth", True)]
    assert Seat.objects.get(pk=empty.pk).is_family
