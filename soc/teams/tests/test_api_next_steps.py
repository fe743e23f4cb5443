"""Next steps through the API: who does what by when."""

from datetime import timedelta

from django.utils import timezone

from soc import factories as f
from soc.api.testing import field_errors
from soc.audit.models import AuditEvent
from soc.teams.models import NextStep


def steps_path(cast, *rest):
    return "/".join([f"/families/{cast.family.pk}/next-steps", *map(str, rest)])


def in_days(days):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_list_next_steps_is_audited(cast, api_as):
    response = api_as(cast.caregiver).get(steps_path(cast))
    [step] = response.json()["items"]
    assert step["responsible"] == {"id": cast.member_membership.pk, "name": "Sam Counselor"}
    assert step["status"] == "open" and step["is_overdue"] is False
    assert AuditEvent.objects.filter(action="next_step.list", family_id=cast.family.pk).exists()


def test_list_next_steps_by_status(cast, api_as):
    response = api_as(cast.caregiver).get(steps_path(cast), {"status": "done"})
    assert response.json() == {"items": [], "count": 0}


def test_facilitator_adds_a_next_step(cast, api_as):
    response = api_as(cast.facilitator).post(
        steps_path(cast),
        {
            "description": "Call the school about the IEP meeting",
            "responsible": cast.caregiver_membership.pk,
            "due_date": in_days(10),
            "meeting": cast.meeting.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["meeting_id"] == cast.meeting.pk and body["created_by"] == "Fran Facilitator"


def test_responsible_must_be_on_this_team(cast, api_as):
    stranger = f.MembershipFactory()
    response = api_as(cast.facilitator).post(
        steps_path(cast),
        {"description": "Something", "responsible": stranger.pk, "due_date": in_days(3)},
    )
    assert list(field_errors(response)) == ["responsible"]


def test_a_meeting_of_another_family_is_refused_without_saying_it_exists(cast, api_as):
    other = f.MeetingFactory()
    body = {
        "description": "Something",
        "responsible": cast.member_membership.pk,
        "due_date": in_days(3),
        "meeting": other.pk,
    }
    response = api_as(cast.facilitator).post(steps_path(cast), body)
    unknown = api_as(cast.facilitator).post(steps_path(cast), {**body, "meeting": 999999})
    assert field_errors(response) == field_errors(unknown)
    assert list(field_errors(response)) == ["meeting"]


def test_only_the_facilitator_adds_steps(cast, api_as):
    response = api_as(cast.caregiver).post(
        steps_path(cast),
        {"description": "x", "responsible": cast.member_membership.pk, "due_date": in_days(3)},
    )
    assert response.status_code == 403


def test_the_person_responsible_marks_it_done(cast, api_as):
    response = api_as(cast.member).patch(
        steps_path(cast, cast.next_step.pk), {"version": 1, "status": "done"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "done" and response.json()["completed_at"]


def test_the_person_responsible_cannot_rewrite_it(cast, api_as):
    response = api_as(cast.member).patch(
        steps_path(cast, cast.next_step.pk), {"version": 1, "description": "Nothing"}
    )
    assert list(field_errors(response)) == ["description"]


def test_facilitator_reassigns_a_step(cast, api_as):
    response = api_as(cast.facilitator).patch(
        steps_path(cast, cast.next_step.pk),
        {"version": 1, "responsible": cast.caregiver_membership.pk, "due_date": in_days(20)},
    )
    assert response.status_code == 200
    assert response.json()["responsible"]["name"] == "Maria Rivera"


def test_update_with_a_stale_version_is_409_and_changes_nothing(cast, api_as):
    NextStep.objects.filter(pk=cast.next_step.pk).update(version=2)
    response = api_as(cast.facilitator).patch(
        steps_path(cast, cast.next_step.pk), {"version": 1, "status": "dropped"}
    )
    assert response.status_code == 409
    assert NextStep.objects.get(pk=cast.next_step.pk).status == "open"


def test_step_of_another_family_is_404(cast, api_as):
    stranger = f.NextStepFactory()
    response = api_as(cast.facilitator).patch(
        steps_path(cast, stranger.pk), {"version": 1, "status": "done"}
    )
    assert response.status_code == 404
