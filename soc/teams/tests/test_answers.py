"""Members answer an invitation on the meeting page or through the API; the team sees it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.api.testing import ApiClient
from soc.audit.models import AuditEvent
from soc.teams import actions
from soc.teams.models import Meeting, MeetingAnswer

pytestmark = pytest.mark.django_db


def _answer_url(cast, meeting=None):
    return reverse("meeting_answer", args=[cast.family.pk, (meeting or cast.meeting).pk])


def test_caregiver_answers_on_the_meeting_page_and_can_change_her_answer(client, cast):
    client.force_login(cast.caregiver)
    response = client.post(_answer_url(cast), {"answer": "maybe", "note": "Trabajo hasta las 5"})
    assert response.status_code == 302 and response.url.endswith("#answer")
    client.post(_answer_url(cast), {"answer": "coming", "note": ""})
    answer = MeetingAnswer.objects.get()
    assert (answer.membership, answer.answer, answer.note) == (
        cast.caregiver_membership,
        "coming",
        "",
    )
    assert AuditEvent.objects.filter(action="meeting.answer", actor=cast.caregiver).count() == 2
    page = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk])).content.decode()
    assert "Usted respondió: <strong>Sí voy</strong>" in page  # in Spanish


def test_the_facilitator_sees_who_is_coming_and_their_notes(client, cast):
    actions.answer_meeting(cast.caregiver, cast.meeting, answer="not_coming", note="Leo is sick")
    client.force_login(cast.facilitator)
    page = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk])).content.decode()
    assert "Maria Rivera</strong>: Not coming" in page and "Leo is sick" in page
    assert "Sam Counselor" in page.split("No answer yet:")[1]
    # Another member sees the answers, not the notes.
    client.force_login(cast.member)
    page = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk])).content.decode()
    assert "Not coming" in page and "Leo is sick" not in page


def test_a_meeting_that_is_over_or_cancelled_cannot_be_answered(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(ValidationError):
        actions.answer_meeting(cast.caregiver, cast.meeting, answer="coming")
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=1),
        status=Meeting.Status.CANCELLED,
    )
    with pytest.raises(ValidationError):
        actions.answer_meeting(cast.caregiver, cast.meeting, answer="coming")
    assert not MeetingAnswer.objects.exists()


def test_only_team_members_answer_and_a_bad_answer_is_refused(cast):
    for outsider in (cast.proposed, cast.removed, cast.other_org_staff):
        with pytest.raises(PermissionDenied):
            actions.answer_meeting(outsider, cast.meeting, answer="coming")
    with pytest.raises(ValidationError):
        actions.answer_meeting(cast.youth, cast.meeting, answer="perhaps")


def test_the_api_answer_is_the_same_action_and_hides_others_notes(cast):
    url = f"/families/{cast.family.pk}/meetings/{cast.meeting.pk}/answer"
    response = ApiClient(cast.youth).call("post", url, {"answer": "maybe", "note": "Exams"})
    assert response.status_code == 200
    assert response.json() | {"answered_at": None} == {
        "member_id": cast.youth_membership.pk,
        "name": cast.youth_membership.name,
        "answer": "maybe",
        "note": "Exams",
        "answered_at": None,
    }
    meeting = ApiClient(cast.member).call(
        "get", f"/families/{cast.family.pk}/meetings/{cast.meeting.pk}"
    )
    assert [(a["answer"], a["note"]) for a in meeting.json()["answers"]] == [("maybe", None)]
    meeting = ApiClient(cast.facilitator).call(
        "get", f"/families/{cast.family.pk}/meetings/{cast.meeting.pk}"
    )
    assert [(a["answer"], a["note"]) for a in meeting.json()["answers"]] == [("maybe", "Exams")]
    bad = ApiClient(cast.youth).call("post", url, {"answer": "yes"})
    assert bad.status_code == 422


def _meeting_page_queries(client, cast):
    client.force_login(cast.facilitator)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("meeting", args=[cast.family.pk, cast.meeting.pk]))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_meeting_page_costs_the_same_however_many_answered(client, cast):
    actions.answer_meeting(cast.caregiver, cast.meeting, answer="coming")
    few = _meeting_page_queries(client, cast)
    for i in range(6):
        member = f.MembershipFactory(team=cast.team, name=f"Helper {i}")
        actions.answer_meeting(member.user, cast.meeting, answer="maybe", note=f"n{i}")
    assert _meeting_page_queries(client, cast) == few
