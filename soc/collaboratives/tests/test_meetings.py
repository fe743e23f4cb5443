"""Meetings: agenda, roll call and live quorum, motions and votes, minutes locked once approved."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from soc import factories as f
from soc.collaboratives import actions
from soc.collaboratives.models import Minutes, Motion, Seat
from soc.collaboratives.standing import Quorum, has_majority
from soc.versioning import StaleVersion

from .builders import admin, body, seat, state_with_seats

pytestmark = pytest.mark.django_db


def _meeting(state, chair):
    when = timezone.make_aware(datetime(2026, 3, 10, 18, 0))
    return actions.schedule_meeting(chair, state, starts_at=when, place="Raleigh")


def _everyone_present(meeting, chair):
    seats = list(Seat.objects.filter(collaborative=meeting.collaborative))
    return actions.take_roll(chair, meeting, dict.fromkeys(seats, "present"))


@pytest.fixture
def state_meeting():
    state, family_chair, agency_chair = state_with_seats()
    meeting = _meeting(state, family_chair)
    return state, family_chair, agency_chair, meeting


def test_quorum_is_computed_live_from_the_roll_call(state_meeting):
    state, chair, _agency, meeting = state_meeting
    seats = list(state.seats.filter(is_voting=True))  # four voting seats
    assert not Quorum(meeting).is_quorate
    actions.take_roll(chair, meeting, {seats[0]: "present", seats[1]: "present"})
    assert not Quorum(meeting).is_quorate  # 2 of 4 is not a majority
    actions.take_roll(chair, meeting, {seats[2]: "present"})
    assert Quorum(meeting).is_quorate


def test_a_body_may_also_require_a_family_member_present(state_meeting):
    state, chair, _agency, meeting = state_meeting
    state.quorum_needs_family = True
    state.save()
    others = list(state.seats.exclude(seat_type__in=["family", "youth"]))
    actions.take_roll(chair, meeting, dict.fromkeys(others, "present"))
    quorum = Quorum(meeting)
    assert quorum.voting_present == 2 and not quorum.is_quorate


def test_a_motion_without_quorum_is_refused_and_nothing_is_saved(state_meeting):
    state, chair, _agency, meeting = state_meeting
    mover = state.seats.get(seat_type="family")
    with pytest.raises(ValidationError) as error:
        actions.make_motion(chair, meeting, text="Adopt it", mover=mover)
    assert error.value.code == "no_quorum"
    assert not Motion.objects.exists()


def test_votes_carry_a_motion_and_each_members_vote_is_kept(state_meeting):
    state, chair, _agency, meeting = state_meeting
    _everyone_present(meeting, chair)
    family = state.seats.get(seat_type="family")
    agency = state.seats.get(seat_type="agency")
    motion = actions.make_motion(chair, meeting, text="Adopt", mover=family, seconder=agency)
    assert motion.moved_by_family
    voting = list(state.seats.filter(is_voting=True))
    choices = dict(zip(voting, ["yes", "yes", "no", "abstain"], strict=True))
    motion = actions.record_votes(chair, motion, choices)
    assert motion.result == "carried" and motion.votes.count() == 4


def test_a_vote_by_a_non_voting_seat_is_refused(state_meeting):
    state, chair, _agency, meeting = state_meeting
    _everyone_present(meeting, chair)
    motion = actions.make_motion(
        chair, meeting, text="X", mover=state.seats.get(seat_type="family")
    )
    observer = state.seats.get(is_voting=False)
    with pytest.raises(ValidationError) as error:
        actions.record_votes(chair, motion, {observer: "yes"})
    assert error.value.code == "not_voting" and not motion.votes.exists()


def test_a_vote_by_a_seat_of_another_body_or_an_empty_seat_is_refused(state_meeting):
    state, chair, _agency, meeting = state_meeting
    _everyone_present(meeting, chair)
    motion = actions.make_motion(
        chair, meeting, text="X", mover=state.seats.get(seat_type="family")
    )
    stranger = seat(body(), "agency", "Someone Else")
    empty = seat(state, "court", None)
    for seat_ in (stranger, empty):
        with pytest.raises(ValidationError) as error:
            actions.record_votes(chair, motion, {seat_: "yes"})
        assert error.value.code == "not_member"


def test_a_mover_who_is_not_a_member_is_refused(state_meeting):
    state, chair, _agency, meeting = state_meeting
    _everyone_present(meeting, chair)
    with pytest.raises(ValidationError):
        actions.make_motion(chair, meeting, text="X", mover=seat(body(), "agency", "Z"))


def test_a_member_suggests_an_item_and_an_officer_puts_it_on_the_agenda(state_meeting):
    state, chair, _agency, meeting = state_meeting
    member = f.StaffFactory()
    seat(state, "school", member)
    item = actions.suggest_item(member, meeting, title="School transport")
    assert item.status == "suggested" and not item.suggested_by_family
    assert actions.accept_item(chair, item).status == "on_agenda"
    family_item = actions.suggest_item(chair, meeting, title="Respite", parent=item)
    assert family_item.suggested_by_family and family_item.status == "on_agenda"
    with pytest.raises(PermissionDenied):
        actions.suggest_item(f.StaffFactory(), meeting, title="Not a member")


def test_minutes_are_amended_by_attendees_approved_by_vote_then_locked(state_meeting):
    state, chair, agency_chair, meeting = state_meeting
    _everyone_present(meeting, chair)
    absent_member = f.StaffFactory()
    seat(state, "faith", absent_member)
    minutes = actions.draft_minutes(chair, meeting, text="We met.")
    minutes = actions.amend_minutes(agency_chair, minutes, text="We met and agreed.", version=1)
    with pytest.raises(StaleVersion):
        actions.amend_minutes(agency_chair, minutes, text="Old", version=1)
    with pytest.raises(PermissionDenied):  # holds a seat, but was not at the meeting
        actions.amend_minutes(absent_member, minutes, text="I was not there", version=2)
    family = state.seats.get(seat_type="family")
    motion = actions.make_motion(chair, meeting, text="Approve the minutes", mover=family)
    failed = actions.make_motion(chair, meeting, text="Something else", mover=family)
    actions.record_votes(chair, failed, {family: "no"})
    with pytest.raises(ValidationError):
        actions.approve_minutes(chair, minutes, motion=failed)
    actions.record_votes(chair, motion, {family: "yes"})
    minutes = actions.approve_minutes(chair, minutes, motion=motion)
    assert minutes.is_approved and minutes.amendments.count() == 1
    with pytest.raises(ValidationError) as error:
        actions.amend_minutes(chair, minutes, text="Changed later", version=minutes.version)
    assert error.value.code == "locked"
    assert Minutes.objects.get(pk=minutes.pk).text == "We met and agreed."


def test_an_action_item_has_an_owner_a_due_date_and_a_status(state_meeting):
    state, chair, _agency, meeting = state_meeting
    item = actions.add_action_item(
        chair, meeting, text="Write to DHHS", owner="Al", due_on=meeting.day + timedelta(days=14)
    )
    assert actions.update_action_item(chair, item, status="done").status == "done"


class QuorumProperties(TestCase):
    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=9))
    def test_the_live_quorum_is_a_majority_of_held_voting_seats(self, seats):
        """Each seat: (voting, present). Non-voting seats never count toward quorum."""
        local = body(name=f"Body {len(seats)}", slug=f"b-{id(seats)}")
        chair = f.StaffFactory()
        seat(local, "agency", chair, office="chair", voting=False)
        made = [seat(local, "provider", f"P{i}", voting=v) for i, (v, _p) in enumerate(seats)]
        meeting = _meeting(local, chair)
        actions.take_roll(
            chair,
            meeting,
            {s: "present" if p else "absent" for s, (_v, p) in zip(made, seats, strict=True)},
        )
        voting = sum(1 for v, _p in seats if v)
        present = sum(1 for v, p in seats if v and p)
        assert Quorum(meeting).is_quorate == has_majority(present, voting)


def test_a_non_voting_seat_may_neither_move_nor_second_a_motion(state_meeting):
    state, chair, _agency, meeting = state_meeting
    _everyone_present(meeting, chair)
    family, observer = state.seats.get(seat_type="family"), state.seats.get(is_voting=False)
    for fields, field, verb in (
        ({"mover": observer}, "mover", "move"),
        ({"mover": family, "seconder": observer}, "seconder", "second"),
    ):
        with pytest.raises(ValidationError) as error:
            actions.make_motion(chair, meeting, text="Adopt it", **fields)
        (problem,) = error.value.error_dict[field]
        assert problem.code == "not_voting"
        assert problem.messages == [f"Only a member with a voting seat can {verb} a motion."]
    assert not Motion.objects.exists()


def test_an_officer_without_a_seat_cannot_accept_or_move_on_a_confidential_item(state_meeting):
    state, chair, _agency, meeting = state_meeting
    _everyone_present(meeting, chair)
    secret = actions.suggest_item(chair, meeting, title="Case review", is_confidential=True)
    under = actions.suggest_item(chair, meeting, title="Follow-up", parent=secret)
    outside = admin()  # runs any body's meetings, holds no seat
    for item in (secret, under):
        with pytest.raises(Http404):
            actions.accept_item(outside, item)
        with pytest.raises(Http404):
            actions.make_motion(
                outside, meeting, text="X", mover=state.seats.get(seat_type="family"), item=item
            )
    assert not Motion.objects.exists()
    motion = actions.make_motion(
        chair, meeting, text="Refer it", mover=state.seats.get(seat_type="family"), item=under
    )
    with pytest.raises(Http404):
        actions.record_votes(outside, motion, {state.seats.get(seat_type="family"): "yes"})
    assert not motion.votes.exists()
    assert actions.accept_item(chair, under).status == "on_agenda"


def test_an_action_items_status_change_is_refused_when_someone_changed_it_since(state_meeting):
    state, chair, agency_chair, meeting = state_meeting
    item = actions.add_action_item(chair, meeting, text="Write to DHHS", owner="Al")
    assert item.version == 1
    done = actions.update_action_item(agency_chair, item, status="done", version=1)
    assert done.version == 2
    with pytest.raises(StaleVersion):
        actions.update_action_item(chair, item, status="dropped", version=1)
    item.refresh_from_db()
    assert (item.status, item.version) == ("done", 2)
