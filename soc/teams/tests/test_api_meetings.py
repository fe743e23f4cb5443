"""Meetings of the team through the API: convene, change, cancel, record."""

from datetime import timedelta

from django.utils import timezone

from soc import factories as f
from soc.api.testing import field_errors
from soc.audit.models import AuditEvent
from soc.teams.models import Meeting


def meetings_path(cast, *rest):
    return "/".join([f"/families/{cast.family.pk}/meetings", *map(str, rest)])


def in_days(days, hours=0):
    return (timezone.now() + timedelta(days=days, hours=hours)).isoformat()


def past_meeting(cast, **fields):
    starts = timezone.now() - timedelta(hours=2)
    return f.MeetingFactory(
        team=cast.team,
        called_by=cast.facilitator,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        **fields,
    )


def test_list_meetings_is_audited(cast, api_as):
    response = api_as(cast.youth).get(meetings_path(cast))
    assert response.status_code == 200
    [meeting] = response.json()["items"]
    assert meeting["id"] == cast.meeting.pk and meeting["called_by"] == "Fran Facilitator"
    assert meeting["starts_at"].endswith("Z") or meeting["starts_at"][-6] in "+-"
    assert AuditEvent.objects.filter(action="meeting.list", family_id=cast.family.pk).count() == 1


def test_list_upcoming_and_past(cast, api_as):
    old = past_meeting(cast)
    client = api_as(cast.youth)
    upcoming = client.get(meetings_path(cast), {"when": "upcoming"}).json()["items"]
    past = client.get(meetings_path(cast), {"when": "past"}).json()["items"]
    assert [m["id"] for m in upcoming] == [cast.meeting.pk]
    assert [m["id"] for m in past] == [old.pk]


def test_get_meeting_is_audited(cast, api_as):
    response = api_as(cast.member).get(meetings_path(cast, cast.meeting.pk))
    assert response.status_code == 200 and response.json()["status"] == "scheduled"
    assert AuditEvent.objects.filter(action="meeting.view", object_id=str(cast.meeting.pk)).exists()


def test_anyone_on_the_team_convenes_a_meeting(cast, api_as):
    response = api_as(cast.caregiver).post(
        meetings_path(cast),
        {
            "reason": "school_change",
            "starts_at": in_days(5),
            "ends_at": in_days(5, hours=1),
            "place": "Biblioteca",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reason"] == "school_change" and body["version"] == 1
    assert Meeting.objects.get(pk=body["id"]).called_by == cast.caregiver


def test_a_meeting_must_end_after_it_starts(cast, api_as):
    response = api_as(cast.caregiver).post(
        meetings_path(cast), {"starts_at": in_days(5), "ends_at": in_days(4)}
    )
    assert list(field_errors(response)) == ["ends_at"]


def test_other_reason_needs_words(cast, api_as):
    response = api_as(cast.caregiver).post(
        meetings_path(cast),
        {"reason": "other", "starts_at": in_days(5), "ends_at": in_days(5, hours=1)},
    )
    assert list(field_errors(response)) == ["reason_other"]


def test_change_meeting(cast, api_as):
    response = api_as(cast.facilitator).patch(
        meetings_path(cast, cast.meeting.pk), {"version": 1, "place": "Video call"}
    )
    assert response.status_code == 200
    assert response.json()["place"] == "Video call" and response.json()["sequence"] == 1


def test_change_meeting_with_a_stale_version_is_409_and_changes_nothing(cast, api_as):
    Meeting.objects.filter(pk=cast.meeting.pk).update(version=4)
    response = api_as(cast.facilitator).patch(
        meetings_path(cast, cast.meeting.pk), {"version": 3, "place": "Elsewhere"}
    )
    assert response.status_code == 409 and response.json()["current_version"] == 4
    cast.meeting.refresh_from_db()
    assert cast.meeting.place == "Wake County Human Services, Room 2"


def test_a_member_who_did_not_call_the_meeting_cannot_change_it(cast, api_as):
    response = api_as(cast.member).patch(
        meetings_path(cast, cast.meeting.pk), {"version": 1, "place": "Elsewhere"}
    )
    assert response.status_code == 403


def test_cancel_meeting(cast, api_as):
    response = api_as(cast.facilitator).post(
        meetings_path(cast, cast.meeting.pk, "cancel"), {"reason": "Snow"}
    )
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    again = api_as(cast.facilitator).post(meetings_path(cast, cast.meeting.pk, "cancel"))
    assert again.status_code == 422


def test_facilitator_records_the_meeting(cast, api_as):
    meeting = past_meeting(cast)
    response = api_as(cast.facilitator).put(
        meetings_path(cast, meeting.pk, "record"),
        {
            "version": 1,
            "notes": "Ana is doing better at school.",
            "decisions": "Meet again in a month.",
            "attendance": [
                {"member_id": cast.caregiver_membership.pk, "status": "present"},
                {
                    "member_id": cast.grandma.pk,
                    "status": "present",
                    "interpreter_used": True,
                },
                {"member_id": cast.member_membership.pk, "status": "excused"},
            ],
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["notes"] == "Ana is doing better at school." and body["notes_by"]
    attendance = {a["name"]: (a["status"], a["interpreter_used"]) for a in body["attendance"]}
    assert attendance == {
        "Maria Rivera": ("present", False),
        "Abuela Rosa": ("present", True),
        "Sam Counselor": ("excused", False),
    }


def test_recording_someone_twice_is_422(cast, api_as):
    meeting = past_meeting(cast)
    row = {"member_id": cast.caregiver_membership.pk, "status": "present"}
    response = api_as(cast.facilitator).put(
        meetings_path(cast, meeting.pk, "record"), {"version": 1, "attendance": [row, row]}
    )
    assert list(field_errors(response)) == ["attendance[1].member_id"]


def test_recording_someone_of_another_team_is_422(cast, api_as):
    meeting = past_meeting(cast)
    stranger = f.MembershipFactory()
    response = api_as(cast.facilitator).put(
        meetings_path(cast, meeting.pk, "record"),
        {"version": 1, "attendance": [{"member_id": stranger.pk, "status": "present"}]},
    )
    assert list(field_errors(response)) == ["attendance"]


def test_only_the_facilitator_records(cast, api_as):
    meeting = past_meeting(cast)
    response = api_as(cast.caregiver).put(
        meetings_path(cast, meeting.pk, "record"), {"version": 1, "notes": "x"}
    )
    assert response.status_code == 403


def test_record_with_a_stale_version_is_409_and_changes_nothing(cast, api_as):
    meeting = past_meeting(cast, notes="First notes")
    Meeting.objects.filter(pk=meeting.pk).update(version=2)
    response = api_as(cast.facilitator).put(
        meetings_path(cast, meeting.pk, "record"), {"version": 1, "notes": "Second notes"}
    )
    assert response.status_code == 409
    meeting.refresh_from_db()
    assert meeting.notes == "First notes"


def test_notes_of_a_protected_category_only_for_the_family_and_the_author(cast, api_as):
    # No consent covers substance use records in this family.
    meeting = past_meeting(
        cast,
        notes="Leo started therapy.",
        decisions="Weekly sessions.",
        category="substance_use",
        author=cast.facilitator,
    )
    path = meetings_path(cast, meeting.pk)
    for reader in (cast.caregiver, cast.youth, cast.facilitator):
        body = api_as(reader).get(path).json()
        assert body["notes"] == "Leo started therapy." and body["decisions"] == "Weekly sessions."
    body = api_as(cast.member).get(path).json()
    assert body["notes"] is None and body["decisions"] is None
    listed = {m["id"]: m for m in api_as(cast.member).get(meetings_path(cast)).json()["items"]}
    assert listed[meeting.pk]["notes"] is None


def test_meeting_of_another_family_is_404(cast, api_as):
    stranger = f.MeetingFactory()
    assert api_as(cast.facilitator).get(meetings_path(cast, stranger.pk)).status_code == 404


def test_record_keeps_the_data_category_of_the_notes(cast, api_as):
    meeting = past_meeting(cast)
    response = api_as(cast.facilitator).put(
        meetings_path(cast, meeting.pk, "record"),
        {"version": meeting.version, "notes": "Plan", "category": "education"},
    )
    assert response.status_code == 200, response.content
    assert Meeting.objects.get(pk=meeting.pk).category == "education"
