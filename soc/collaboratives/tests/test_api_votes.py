"""Through the API: the roll call, motions and votes, action items and minutes, each refused
with the action's own words (and nothing saved) when the meeting's rules say no."""

import pytest

from soc.api.testing import ApiClient, field_errors
from soc.audit.models import AuditEvent
from soc.collaboratives import actions
from soc.collaboratives.models import ActionItem, Attendance, Minutes, Motion, Vote

from .builders import body, governance, seat

pytestmark = pytest.mark.django_db
FORBIDDEN = {"detail": "You are not allowed to do this."}


@pytest.fixture
def g():
    return governance()


def _path(g):
    return f"/collaboratives/{g.state.slug}/meetings/{g.meeting.pk}"


def _refusal(response):
    """(code, message) of a 422 that is about the request as a whole."""
    assert response.status_code == 422, response.content
    (problem,) = response.json()["detail"]
    return problem.get("code"), problem["msg"]


def _roll(*rows):
    return {"attendance": [{"seat": s.pk, "status": status} for s, status in rows]}


def test_the_roll_call_is_an_officers_and_only_for_seats_held_that_day(g):
    path = _path(g) + "/roll"
    family = g.seat_of("family")
    assert ApiClient(g.member).post(path, _roll((family, "present"))).json() == FORBIDDEN
    chair = ApiClient(g.chair)
    stranger = seat(body(), "agency", "Someone Else")
    assert _refusal(chair.post(path, _roll((family, "present"), (stranger, "present")))) == (
        None,
        "Only seats held on the day of the meeting are in the roll call.",
    )
    twice = chair.post(path, _roll((family, "present"), (family, "absent")))
    assert field_errors(twice) == {"attendance[1].seat": ["This seat is listed twice."]}
    unknown = chair.post(path, {"attendance": [{"seat": 999999, "status": "present"}]})
    assert list(field_errors(unknown)) == ["attendance[0].seat"]
    assert not Attendance.objects.exists()
    taken = chair.post(path, _roll((family, "present"), (g.seat_of("agency"), "present")))
    assert taken.json()["quorum"]["quorate"] is False  # 2 of 5 voting seats
    assert {row["status"] for row in taken.json()["attendance"]} == {"present"}
    assert ApiClient(g.chair).get(_path(g)).json()["quorum"]["voting_present"] == 2


def test_a_motion_needs_a_quorum_and_members_to_move_it(g):
    path = _path(g) + "/motions"
    chair = ApiClient(g.chair)
    family, agency = g.seat_of("family"), g.seat_of("agency")
    motion = {"text": "Adopt it", "mover": family.pk, "seconder": agency.pk}
    assert _refusal(chair.post(path, motion)) == (
        "no_quorum",
        "There is no quorum: a motion cannot be made.",
    )
    g.everyone_present()
    assert ApiClient(g.member).post(path, motion).json() == FORBIDDEN
    stranger = seat(body(), "agency", "Someone Else")
    assert field_errors(chair.post(path, {**motion, "mover": stranger.pk})) == {
        "mover": ["Only a member of this body can do this."]
    }
    assert field_errors(chair.post(path, {**motion, "seconder": family.pk})) == {
        "seconder": ["Someone else must second the motion."]
    }
    assert not Motion.objects.exists()
    made = chair.post(path, motion)
    assert made.status_code == 201
    assert made.json() | {"id": 0} == {
        "id": 0,
        "text": "Adopt it",
        "item": None,
        "mover": family.pk,
        "seconder": agency.pk,
        "result": "pending",
        "votes": [],
    }


def test_votes_are_refused_from_non_voting_and_non_member_seats_and_without_quorum(g):
    g.everyone_present()
    family = g.seat_of("family")
    motion = actions.make_motion(g.chair, g.meeting, text="Adopt", mover=family)
    path = f"{_path(g)}/motions/{motion.pk}/votes"
    chair = ApiClient(g.chair)

    def vote(*rows):
        return chair.post(path, {"votes": [{"seat": s.pk, "choice": c} for s, c in rows]})

    observer = g.seat_of("other")
    assert _refusal(vote((family, "yes"), (observer, "yes"))) == (
        "not_voting",
        "Other is not a voting seat.",
    )
    stranger = seat(body(), "agency", "Someone Else")
    empty = seat(g.state, "court")
    for seat_ in (stranger, empty):
        assert _refusal(vote((family, "yes"), (seat_, "no"))) == (
            "not_member",
            "Only members of this body vote.",
        )
    assert ApiClient(g.member).post(
        path, {"votes": [{"seat": family.pk, "choice": "yes"}]}
    ).json() == (FORBIDDEN)
    g.everyone_present("absent")
    assert _refusal(vote((family, "yes"))) == (
        "no_quorum",
        "There is no quorum: no vote can be taken.",
    )
    assert not Vote.objects.exists() and Motion.objects.get().result == "pending"
    g.everyone_present()
    decided = vote((family, "no"), (g.seat_of("agency"), "no"), (g.seat_of("youth"), "yes"))
    assert decided.json()["result"] == "failed"
    assert _refusal(vote((family, "yes")))[0] == "decided"
    assert Vote.objects.count() == 3


def test_action_items_are_added_and_closed_by_officers(g):
    path = _path(g) + "/action-items"
    item = {"text": "Write to DHHS", "owner": "Sol", "due_on": "2027-01-15"}
    assert ApiClient(g.member).post(path, item).json() == FORBIDDEN
    chair = ApiClient(g.chair)
    assert field_errors(chair.post(path, {**item, "owner_user": g.outsider.pk})) == {
        "owner_user": ["Choose someone who holds a seat on this body."]
    }
    assert not ActionItem.objects.exists()
    added = chair.post(path, {**item, "owner_user": g.member.pk})
    assert added.status_code == 201 and added.json()["status"] == "open"
    assert ActionItem.objects.get().owner_user == g.member
    status = f"{path}/{added.json()['id']}/status"
    assert ApiClient(g.member).post(status, {"status": "done"}).json() == FORBIDDEN
    assert chair.post(status, {"status": "finished"}).status_code == 422
    assert chair.post(status, {"status": "done"}).json()["status"] == "done"
    shown = ApiClient(g.outsider).get(_path(g)).json()["action_items"]
    assert [(a["text"], a["due_on"], a["status"]) for a in shown] == [
        ("Write to DHHS", "2027-01-15", "done")
    ]


def test_minutes_are_drafted_by_officers_amended_by_attendees_and_locked_once_approved(g):
    path = _path(g) + "/minutes"
    assert ApiClient(g.member).post(path, {"text": "We met."}).json() == FORBIDDEN
    assert ApiClient(g.chair).get(path).status_code == 404  # none yet
    chair = ApiClient(g.chair)
    assert chair.post(path, {"text": "We met."}).status_code == 201
    assert _refusal(chair.post(path, {"text": "Again"}))[1] == (
        "This meeting already has minutes: amend them instead."
    )
    # A draft is for the body's members: anyone else is told there are none, and it is recorded.
    outsider = ApiClient(g.outsider)
    assert outsider.get(path).json() == {"detail": "Not found."}
    assert outsider.patch(path, {"text": "Mine", "version": 1}).status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", actor=g.outsider).count() == 2
    assert ApiClient(g.outsider).get(_path(g)).json()["minutes"] is None
    # A member who was not present may not amend; once marked present they may.
    member = ApiClient(g.member)
    assert member.patch(path, {"text": "I add", "version": 1}).json() == FORBIDDEN
    g.everyone_present()
    assert member.patch(path, {"text": "We met and agreed.", "version": 1}).status_code == 200
    stale = chair.patch(path, {"text": "Old copy", "version": 1})
    assert stale.status_code == 409 and stale.json()["current_version"] == 2
    # Approved only by a carried motion of this body.
    family = g.seat_of("family")
    failed = actions.make_motion(g.chair, g.meeting, text="Approve", mover=family)
    actions.record_votes(g.chair, failed, {family: "no"})
    approve = path + "/approve"
    assert field_errors(chair.post(approve, {"motion": failed.pk})) == {
        "motion": ["Choose a motion of this body that carried."]
    }
    carried = actions.make_motion(g.chair, g.meeting, text="Approve", mover=family)
    actions.record_votes(g.chair, carried, {family: "yes"})
    assert member.post(approve, {"motion": carried.pk}).json() == FORBIDDEN
    assert Minutes.objects.get().status == "draft"
    assert chair.post(approve, {"motion": carried.pk}).json()["status"] == "approved"
    locked = member.patch(path, {"text": "Later", "version": 2})
    assert _refusal(locked) == ("locked", "These minutes are approved and locked.")
    assert _refusal(chair.post(approve, {"motion": carried.pk}))[0] == "locked"
    assert outsider.get(path).json()["text"] == "We met and agreed."
    assert Minutes.objects.get().amendments.count() == 1


def test_refusals_come_in_the_callers_language(g):
    g.chair.language = "es"
    g.chair.save(update_fields=["language"])
    family = g.seat_of("family")
    chair = ApiClient(g.chair)
    no_quorum = chair.post(_path(g) + "/motions", {"text": "X", "mover": family.pk})
    assert _refusal(no_quorum) == ("no_quorum", "No hay quórum: no se puede presentar una moción.")
    twice = chair.post(_path(g) + "/roll", _roll((family, "present"), (family, "absent")))
    assert field_errors(twice) == {"attendance[1].seat": ["Este puesto aparece dos veces."]}


def test_a_non_voting_seat_neither_moves_nor_seconds_a_motion_through_the_api(g):
    g.everyone_present()
    path = _path(g) + "/motions"
    family, observer = g.seat_of("family"), g.seat_of("other")
    chair = ApiClient(g.chair)
    for motion, field, verb in (
        ({"text": "Adopt it", "mover": observer.pk}, "mover", "move"),
        ({"text": "Adopt it", "mover": family.pk, "seconder": observer.pk}, "seconder", "second"),
    ):
        refused = chair.post(path, motion)
        assert refused.status_code == 422
        assert refused.json()["detail"] == [
            {
                "loc": ["body", field],
                "msg": f"Only a member with a voting seat can {verb} a motion.",
                "type": "validation_error",
                "code": "not_voting",
            }
        ]
    assert not Motion.objects.exists()


def test_an_action_items_status_sent_with_a_stale_version_is_a_conflict(g):
    chair = ApiClient(g.chair)
    added = chair.post(_path(g) + "/action-items", {"text": "Write to DHHS", "owner": "Sol"})
    assert added.json()["version"] == 1
    status = f"{_path(g)}/action-items/{added.json()['id']}/status"
    done = chair.post(status, {"status": "done", "version": 1})
    assert done.json()["status"] == "done" and done.json()["version"] == 2
    stale = chair.post(status, {"status": "dropped", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_version" and stale.json()["current_version"] == 2
    assert ActionItem.objects.get().status == "done"
    assert chair.post(status, {"status": "open"}).json()["version"] == 3  # version optional
    shown = ApiClient(g.outsider).get(_path(g)).json()["action_items"]
    assert [(a["status"], a["version"]) for a in shown] == [("open", 3)]
