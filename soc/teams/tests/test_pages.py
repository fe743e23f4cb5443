"""The team pages through the test client: what people see, and what each page costs."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.teams.models import Meeting, Membership

pytestmark = pytest.mark.django_db


def _grow(cast, n):
    for i in range(n):
        user = f.StaffFactory()
        member = f.MembershipFactory(team=cast.team, user=user)
        f.MeetingFactory(
            team=cast.team,
            called_by=cast.facilitator,
            starts_at=timezone.now() + timedelta(days=i + 1),
        )
        f.MeetingFactory(
            team=cast.team,
            called_by=cast.facilitator,
            starts_at=timezone.now() - timedelta(days=i + 2),
        )
        f.NextStepFactory(team=cast.team, responsible=member, author=cast.facilitator)
        f.PersonFactory(family=cast.family)


def _count(client, django_assert_max_num_queries, url, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["family", "home"])
def test_page_query_count_is_fixed_whatever_the_rows(
    client, cast, name, django_assert_max_num_queries
):
    url = reverse(name, args=[cast.family.pk]) if name == "family" else reverse(name)
    _grow(cast, 1)
    small = _count(client, django_assert_max_num_queries, url, cast.facilitator)
    _grow(cast, 8)
    big = _count(client, django_assert_max_num_queries, url, cast.facilitator)
    assert small == big


def test_who_looked_and_meeting_pages_have_fixed_query_counts(
    client, cast, django_assert_max_num_queries
):
    urls = [
        reverse("who_looked", args=[cast.family.pk]),
        reverse("meeting", args=[cast.family.pk, cast.meeting.pk]),
    ]
    client.force_login(cast.member)
    client.get(reverse("family", args=[cast.family.pk]))
    small = [_count(client, django_assert_max_num_queries, u, cast.caregiver) for u in urls]
    for _ in range(5):
        client.force_login(f.StaffFactory())
    for user in (cast.member, cast.youth, cast.facilitator):
        client.force_login(user)
        client.get(reverse("family", args=[cast.family.pk]))
    big = [_count(client, django_assert_max_num_queries, u, cast.caregiver) for u in urls]
    assert small == big


def test_family_sees_pending_proposal_and_approves_it(client, cast):
    client.force_login(cast.caregiver)
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "Pat Proposed" in page
    m = cast.proposed_membership
    response = client.post(
        reverse("member_approve", args=[cast.family.pk, m.pk]), {"version": m.version}
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == Membership.Status.ACTIVE


def test_who_looked_lists_people_and_organizations(client, cast):
    client.force_login(cast.member)
    client.get(reverse("family", args=[cast.family.pk]))
    client.force_login(cast.caregiver)
    page = client.get(reverse("who_looked", args=[cast.family.pk])).content.decode()
    assert "Sam Counselor" in page and "Wake County Public Schools" in page


def test_meeting_edit_from_a_stale_form_gets_409_and_nothing_is_overwritten(client, cast):
    client.force_login(cast.facilitator)
    url = reverse("meeting_edit", args=[cast.family.pk, cast.meeting.pk])
    starts = timezone.localtime(cast.meeting.starts_at)
    form = {
        "version": cast.meeting.version,
        "reason": "regular_review",
        "date": starts.date().isoformat(),
        "start_time": "10:00",
        "end_time": "11:00",
        "place": "Room A",
    }
    assert client.post(url, form).status_code == 302
    response = client.post(url, form | {"place": "Room B"})
    assert response.status_code == 409
    assert "Someone else changed this" in response.content.decode()
    assert Meeting.objects.get(pk=cast.meeting.pk).place == "Room A"


def test_convene_meeting_form_rejects_end_before_start(client, cast):
    client.force_login(cast.caregiver)
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(
        reverse("meeting_new", args=[cast.family.pk]),
        {
            "reason": "crisis",
            "date": day,
            "start_time": "15:00",
            "end_time": "14:00",
            "place": "Home",
        },
    )
    assert response.status_code == 200
    assert Meeting.objects.filter(team=cast.team).count() == 1


def test_spanish_speaking_caregiver_sees_the_page_in_spanish(client, cast):
    client.force_login(cast.caregiver)
    response = client.get(reverse("family", args=[cast.family.pk]))
    assert response.headers["Content-Language"] == "es"
    assert 'lang="es"' in response.content.decode()


def test_calendar_feed_lists_my_meetings_and_stops_when_revoked(client, cast):
    from icalendar import Calendar

    token = cast.member.new_calendar_feed()
    url = reverse("calendar_feed", args=[token])
    cal = Calendar.from_ical(client.get(url).content)
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [f"meeting-{cast.meeting.uid}@soc"]
    cast.member.revoke_calendar_feed()
    assert client.get(url).status_code == 404
    outsider_token = cast.other_org_staff.new_calendar_feed()
    assert (
        Calendar.from_ical(
            client.get(reverse("calendar_feed", args=[outsider_token])).content
        ).walk("VEVENT")
        == []
    )


def test_caregiver_removes_a_member_but_sees_why_a_required_one_stays(client, cast):
    client.force_login(cast.caregiver)
    m = cast.member_membership
    response = client.post(
        reverse("member_remove", args=[cast.family.pk, m.pk]), {"version": m.version}
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == Membership.Status.REMOVED
    Membership.objects.filter(pk=cast.facilitator_membership.pk).update(
        required_by_agency=True, required_reason="Ordenado por el juez"
    )
    f_m = cast.facilitator_membership
    response = client.post(
        reverse("member_remove", args=[cast.family.pk, f_m.pk]), {"version": f_m.version}
    )
    assert response.status_code == 200 and "Ordenado por el juez" in response.content.decode()


def test_facilitator_records_attendance_and_notes_on_the_page(client, cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(cast.facilitator)
    url = reverse("meeting_record", args=[cast.family.pk, cast.meeting.pk])
    data = {
        "version": cast.meeting.version,
        "notes": "Good talk",
        "decisions": "Tutor",
        "category": "education",
        f"attendance_{cast.caregiver_membership.pk}": "present",
        f"interpreter_{cast.caregiver_membership.pk}": "on",
    }
    assert client.post(url, data).status_code == 302
    meeting = Meeting.objects.get(pk=cast.meeting.pk)
    assert (meeting.notes, meeting.category) == ("Good talk", "education")
    row = meeting.attendance.get()
    assert (row.membership_id, row.status, row.interpreter_used) == (
        cast.caregiver_membership.pk,
        "present",
        True,
    )
    assert client.post(url, data).status_code == 409  # the same form again is stale


def test_facilitator_cancels_a_meeting_on_the_page(client, cast):
    client.force_login(cast.facilitator)
    url = reverse("meeting_cancel", args=[cast.family.pk, cast.meeting.pk])
    assert client.post(url, {"version": cast.meeting.version, "reason": "Snow"}).status_code == 302
    assert Meeting.objects.get(pk=cast.meeting.pk).is_cancelled


def test_marking_a_step_done_with_htmx_returns_just_the_item(client, cast):
    client.force_login(cast.member)  # responsible for the step
    step = cast.next_step
    url = reverse("next_step_update", args=[cast.family.pk, step.pk])
    response = client.post(
        url, {"version": step.version, "status": "done"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.strip().startswith(f'<li id="next-step-{step.pk}">')
    assert "<html" not in body
    stale = client.post(
        url, {"version": step.version, "status": "open"}, headers={"HX-Request": "true"}
    )
    assert 'role="alert"' in stale.content.decode()
    step.refresh_from_db()
    assert step.status == "done"


def test_protected_next_step_descriptions_are_hidden_on_the_team_page(client, cast):
    from soc.teams.models import NextStep

    NextStep.objects.filter(pk=cast.next_step.pk).update(
        description="Rehab intake", category="substance_use"
    )
    client.force_login(cast.youth)
    assert (
        "Rehab intake" in client.get(reverse("family", args=[cast.family.pk])).content.decode()
    )  # family
    client.force_login(cast.same_org_staff)  # not on the team at all: 404 anyway
    f.MembershipFactory(team=cast.team, user=cast.same_org_staff)
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "Rehab intake" not in page


def test_home_counts_do_not_reveal_protected_next_steps(client, cast):
    from soc.teams.models import NextStep

    f.MembershipFactory(team=cast.team, user=cast.same_org_staff)
    client.force_login(cast.same_org_staff)
    assert client.get(reverse("home")).context["page"][0].open_steps == 1
    NextStep.objects.filter(pk=cast.next_step.pk).update(category="substance_use")
    assert client.get(reverse("home")).context["page"][0].open_steps == 0
    client.force_login(cast.caregiver)
    assert client.get(reverse("home")).context["page"][0].open_steps == 1


def test_next_step_carries_a_data_category_from_the_page(client, cast):
    from soc.teams.models import NextStep

    client.force_login(cast.facilitator)
    client.post(
        reverse("next_step_add", args=[cast.family.pk]),
        {
            "description": "Intake at the recovery program",
            "responsible": cast.caregiver_membership.pk,
            "due_date": "2030-01-01",
            "category": "substance_use",
        },
    )
    step = NextStep.objects.get(description="Intake at the recovery program")
    assert step.category == "substance_use"
    assert not step.is_readable_by(cast.member)
    assert not NextStep.objects.visible_to(cast.member).filter(pk=step.pk).exists()
