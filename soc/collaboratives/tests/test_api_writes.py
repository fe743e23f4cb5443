"""The API's governance writes follow the pages' rules: seats and meetings need an office (or
the collaborative-admin permission), agenda items a seat; a refusal says why and saves
nothing; confidential items never reach anyone without a seat. (Anonymous callers get 401
everywhere: soc/api/tests/test_role_matrix.py.)"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from soc.api.testing import ApiClient, field_errors
from soc.audit.models import AuditEvent
from soc.collaboratives import actions
from soc.collaboratives.models import GovMeeting, Motion, Seat, SeatTerm

from .builders import body, governance, seat

pytestmark = pytest.mark.django_db
FORBIDDEN = {"detail": "You are not allowed to do this."}
NOT_FOUND = {"detail": "Not found."}


@pytest.fixture
def g():
    return governance()


def _meeting_path(g, meeting=None):
    return f"/collaboratives/{g.state.slug}/meetings/{(meeting or g.meeting).pk}"


def test_officers_and_admins_manage_seats_and_members_may_not(g):
    path = f"/collaboratives/{g.state.slug}"
    seats, terms = Seat.objects.count(), SeatTerm.objects.count()
    member = ApiClient(g.member)
    assert member.post(path + "/seats", {"seat_type": "court"}).json() == FORBIDDEN
    school = g.seat_of("school")
    assert (
        member.post(f"{path}/seats/{school.pk}/terms", {"name": "X", "starts_on": "2027-01-01"})
    ).status_code == 403
    term = school.terms.get()
    assert member.post(f"{path}/terms/{term.pk}/end", {"ends_on": "2027-01-01"}).status_code == 403
    assert (Seat.objects.count(), SeatTerm.objects.count()) == (seats, terms)

    court = ApiClient(g.admin).post(path + "/seats", {"seat_type": "court", "is_voting": False})
    assert court.status_code == 201 and court.json()["is_voting"] is False
    court_path = f"{path}/seats/{court.json()['id']}/terms"
    officer = ApiClient(g.officer)
    judge = {"name": "Judge Jo", "office": "secretary", "starts_on": "2026-01-01"}
    assert officer.post(court_path, judge).json()["office"] == "secretary"
    overlapping = officer.post(court_path, {"name": "Kim", "starts_on": "2026-06-01"})
    assert field_errors(overlapping) == {
        "starts_on": ["Someone else holds this seat on some of these dates."]
    }
    assert field_errors(officer.post(court_path, {"starts_on": "2026-06-01"})) == {
        "name": ["Choose an account or write the person's name."]
    }
    unknown = officer.post(court_path, {"user": 999999, "starts_on": "2030-01-01"})
    assert list(field_errors(unknown)) == ["user"]
    ended = officer.post(f"{path}/terms/{term.pk}/end", {"ends_on": "2026-11-30"})
    assert ended.status_code == 200 and ended.json()["ends_on"] == "2026-11-30"
    too_early = officer.post(f"{path}/terms/{term.pk}/end", {"ends_on": "2025-01-01"})
    assert field_errors(too_early) == {"ends_on": ["The term must end after it starts."]}
    assert SeatTerm.objects.get(pk=term.pk).ends_on.isoformat() == "2026-11-30"
    # Another body's term is not found through this body.
    other = seat(body(), "agency", "Someone")
    path_other = f"{path}/terms/{other.terms.get().pk}/end"
    assert officer.post(path_other, {"ends_on": "2026-11-30"}).json() == NOT_FOUND


def _calendar_methods():
    methods = []
    for message in mail.outbox:
        for part in message.message().walk():
            if part.get_content_type() == "text/calendar":
                text = part.get_payload(decode=True).decode()
                methods.append(next(line for line in text.splitlines() if "METHOD" in line))
    return methods


def test_meetings_are_scheduled_moved_and_cancelled_by_officers_and_everyone_is_told(
    g, django_capture_on_commit_callbacks
):
    path = f"/collaboratives/{g.state.slug}/meetings"
    soon = (timezone.now() + timedelta(days=3)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        refused = ApiClient(g.member).post(path, {"starts_at": soon})
    assert refused.json() == FORBIDDEN and GovMeeting.objects.count() == 1 and not mail.outbox
    officer = ApiClient(g.officer)
    meeting = _meeting_path(g)
    with django_capture_on_commit_callbacks(execute=True):
        stale = officer.patch(meeting, {"version": 7, "place": "Durham"})
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"
    assert stale.json()["current_version"] == 1 and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        moved = officer.patch(meeting, {"version": 1, "place": "Durham"})
    assert moved.status_code == 200 and moved.json()["place"] == "Durham"
    assert moved.json()["version"] == 2
    assert moved.json()["starts_at"][:16] == g.meeting.starts_at.isoformat()[:16]  # kept
    assert len(mail.outbox) == 3 and set(_calendar_methods()) == {"METHOD:REQUEST"}
    no_start = officer.patch(meeting, {"version": 2, "starts_at": None})
    assert field_errors(no_start) == {"starts_at": ["This field is required."]}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = officer.post(meeting + "/cancel", {"version": 2})
    assert cancelled.json()["cancelled"] is True
    assert len(mail.outbox) == 3 and set(_calendar_methods()) == {"METHOD:CANCEL"}
    again = officer.post(meeting + "/cancel")
    assert again.status_code == 422 and again.json()["detail"][0]["code"] == "over"
    assert officer.patch(meeting, {"version": 3, "place": "X"}).status_code == 422
    listed = ApiClient(g.outsider).get(path).json()
    assert listed["count"] == 1 and listed["items"][0]["cancelled"] is True


def test_members_suggest_items_and_officers_put_them_on_the_agenda(g):
    path = _meeting_path(g)
    assert ApiClient(g.outsider).post(path + "/items", {"title": "X"}).json() == FORBIDDEN
    assert ApiClient(g.admin).post(path + "/items", {"title": "X"}).status_code == 403
    item = ApiClient(g.member).post(path + "/items", {"title": "School transport"}).json()
    assert item["status"] == "suggested"
    assert ApiClient(g.member).post(f"{path}/items/{item['id']}/accept").json() == FORBIDDEN
    assert ApiClient(g.chair).post(f"{path}/items/{item['id']}/accept").json()["status"] == (
        "on_agenda"
    )
    sub = ApiClient(g.member).post(path + "/items", {"title": "Buses", "parent": item["id"]})
    assert sub.json()["parent"] == item["id"]
    other = actions.schedule_meeting(g.chair, g.state, starts_at=timezone.now())
    elsewhere = ApiClient(g.chair).post(
        _meeting_path(g, other) + "/items", {"title": "Y", "parent": item["id"]}
    )
    assert list(field_errors(elsewhere)) == ["parent"] and not other.items.exists()
    agenda = ApiClient(g.outsider).get(path).json()["agenda"]
    assert [(i["title"], [c["title"] for c in i["children"]]) for i in agenda] == [
        ("School transport", ["Buses"])
    ]


def test_confidential_items_and_their_motions_never_reach_anyone_without_a_seat(g):
    path = _meeting_path(g)
    g.everyone_present()
    chair = ApiClient(g.chair)
    secret = chair.post(path + "/items", {"title": "Case review", "is_confidential": True}).json()
    under = chair.post(path + "/items", {"title": "The Smith case", "parent": secret["id"]}).json()
    motion = chair.post(
        path + "/motions",
        {"text": "Refer it", "mover": g.seat_of("family").pk, "item": under["id"]},
    ).json()
    for outsider in (g.outsider, g.admin):
        seen = ApiClient(outsider).get(path).json()
        assert seen["agenda"] == [] and seen["motions"] == [] and seen["attendance"] is None
    admin = ApiClient(g.admin)  # runs meetings, but holds no seat
    assert admin.post(f"{path}/items/{under['id']}/accept").json() == NOT_FOUND
    assert admin.post(f"{path}/items/999999/accept").json() == NOT_FOUND
    votes = {"votes": [{"seat": g.seat_of("family").pk, "choice": "yes"}]}
    assert admin.post(f"{path}/motions/{motion['id']}/votes", votes).json() == NOT_FOUND
    on_it = {"text": "X", "mover": g.seat_of("family").pk, "item": secret["id"]}
    unknown = {**on_it, "item": 999999}
    assert (
        admin.post(path + "/motions", on_it).content
        == admin.post(path + "/motions", unknown).content
    )
    refused = AuditEvent.objects.filter(action="access.denied", actor=g.admin)
    assert sorted(refused.values_list("object_id", flat=True)) == sorted(
        [str(under["id"]), str(motion["id"])]
    )
    assert Motion.objects.count() == 1 and not Motion.objects.get().votes.exists()
    inside = ApiClient(g.member).get(path).json()
    assert [i["title"] for i in inside["agenda"][0]["children"]] == ["The Smith case"]
    assert [m["text"] for m in inside["motions"]] == ["Refer it"]
    shown = AuditEvent.objects.filter(action="gov_meeting.confidential", actor=g.member)
    assert shown.count() == 1
