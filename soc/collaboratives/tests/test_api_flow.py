"""End to end through the API only: a State Collaborative meeting from its invitation to its
locked minutes, and a recommendation from its draft to its implementation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from soc import factories as f
from soc.api.testing import ApiClient

from .builders import state_with_seats

pytestmark = pytest.mark.django_db


def _seats(api, slug):
    return {s["seat_type"]: s for s in api.get(f"/collaboratives/{slug}").json()["seats"]}


def test_a_meeting_from_invitation_to_locked_minutes(django_capture_on_commit_callbacks):
    state, family_chair, agency_chair = state_with_seats()
    member = f.StaffFactory(full_name="Sol School")
    chair, officer = ApiClient(family_chair), ApiClient(agency_chair)
    seat_path = f"/collaboratives/{state.slug}/seats"
    school = officer.post(seat_path, {"seat_type": "school", "label": "Public schools"}).json()
    filled = officer.post(
        f"{seat_path}/{school['id']}/terms", {"user": member.pk, "starts_on": "2026-01-01"}
    )
    assert filled.status_code == 201 and filled.json()["holder"] == "Sol School"
    seats = _seats(chair, state.slug)
    assert seats["school"]["term"] == filled.json()["id"]

    # Scheduled: every seat holder with an account is invited.
    starts = timezone.now() + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        scheduled = chair.post(
            f"/collaboratives/{state.slug}/meetings",
            {"starts_at": starts.isoformat(), "place": "Raleigh"},
        )
    assert scheduled.status_code == 201, scheduled.content
    meeting = scheduled.json()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [family_chair.email, agency_chair.email, member.email]
    )
    path = f"/collaboratives/{state.slug}/meetings/{meeting['id']}"

    # A member suggests an item; an officer puts it on the agenda.
    suggested = ApiClient(member).post(path + "/items", {"title": "School transport"})
    assert suggested.status_code == 201 and suggested.json()["status"] == "suggested"
    accepted = chair.post(f"{path}/items/{suggested.json()['id']}/accept")
    assert accepted.json()["status"] == "on_agenda"

    # The roll call: three of four voting seats present is a quorum.
    present = ["family", "agency", "youth"]
    roll = chair.post(
        path + "/roll",
        {
            "attendance": [{"seat": seats[t]["id"], "status": "present"} for t in present]
            + [{"seat": seats["provider"]["id"], "status": "excused"}]
        },
    )
    assert roll.status_code == 200, roll.content
    assert roll.json()["quorum"] == {
        "quorate": True,
        "voting_seats": 5,
        "voting_present": 3,
        "needed": 3,
        "needs_family": False,
        "family_present": True,
    }

    # A motion, its votes and its result.
    motion = chair.post(
        path + "/motions",
        {
            "text": "Approve the minutes of the last meeting",
            "mover": seats["family"]["id"],
            "seconder": seats["agency"]["id"],
            "item": suggested.json()["id"],
        },
    )
    assert motion.status_code == 201 and motion.json()["result"] == "pending"
    votes = chair.post(
        f"{path}/motions/{motion.json()['id']}/votes",
        {
            "votes": [
                {"seat": seats["family"]["id"], "choice": "yes"},
                {"seat": seats["agency"]["id"], "choice": "yes"},
                {"seat": seats["youth"]["id"], "choice": "abstain"},
                {"seat": seats["provider"]["id"], "choice": "excused"},
                {"seat": seats["school"]["id"], "choice": "absent"},
            ]
        },
    )
    assert votes.status_code == 200, votes.content
    assert votes.json()["result"] == "carried" and len(votes.json()["votes"]) == 5

    # Minutes drafted, amended by an attendee, approved by the motion, then locked.
    minutes_path = path + "/minutes"
    drafted = chair.post(minutes_path, {"text": "We met."})
    assert drafted.status_code == 201 and drafted.json()["status"] == "draft"
    amended = officer.patch(minutes_path, {"text": "We met and agreed.", "version": 1})
    assert amended.status_code == 200 and amended.json()["version"] == 2
    approved = chair.post(minutes_path + "/approve", {"motion": motion.json()["id"]})
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "approved"
    assert approved.json()["approved_by"] == motion.json()["id"]
    refused = chair.patch(minutes_path, {"text": "Changed later", "version": 2})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["code"] == "locked"
    assert refused.json()["detail"][0]["msg"] == "These minutes are approved and locked."

    # Anyone reads the result: the meeting whole, the approved minutes.
    public = ApiClient(f.UserFactory()).get(path).json()
    assert public["minutes"] == "We met and agreed." and public["quorate"] is True
    assert [m["result"] for m in public["motions"]] == ["carried"]
    assert public["agenda"][0]["title"] == "School transport" and public["attendance"] is None


def test_a_recommendation_from_draft_to_implemented():
    state, family_chair, _agency = state_with_seats()
    agency = f.OrganizationFactory(name="DHHS")
    chair = ApiClient(family_chair)
    drafted = chair.post(
        "/recommendations",
        {
            "title": "One release form",
            "topic": "coordination",
            "text": "Agencies accept one shared release form.",
            "agencies": [agency.pk],
        },
    )
    assert drafted.status_code == 201, drafted.content
    rec = drafted.json()
    assert rec["status"] == "draft" and rec["agencies"][0]["name"] == "DHHS"
    path = f"/recommendations/{rec['id']}"
    assert chair.post(path + "/status", {"status": "adopted"}).json()["status"] == "adopted"
    milestones = [
        chair.post(path + "/milestones", {"title": title, "due_on": "2027-03-01"}).json()
        for title in ("Draft the form", "Every county uses it")
    ]
    chair.post(path + "/status", {"status": "in_implementation"})
    chair.post(f"{path}/milestones/{milestones[0]['id']}/done")
    assert chair.get(path).json()["progress"] == 50
    done = chair.post(f"{path}/milestones/{milestones[1]['id']}/done")
    assert done.status_code == 200 and done.json()["done"] is True
    assert chair.get(path).json()["progress"] == 100
    update = chair.post(path + "/updates", {"text": "All 100 counties.", "review_on": "2027-06-01"})
    assert update.status_code == 201 and update.json()["author"] == "Fe Familia"
    implemented = chair.post(path + "/status", {"status": "implemented"})
    assert implemented.json()["status"] == "implemented"
    assert implemented.json()["progress"] == 100 and implemented.json()["review_on"] == "2027-06-01"
    updates = ApiClient(f.UserFactory()).get(path + "/updates").json()
    assert [u["text"] for u in updates["items"]] == ["All 100 counties."]
