"""IDOR sweep: a member of another family's team guesses this family's ids through every route."""

import pytest
from django.urls import get_resolver, reverse

from soc import factories as f
from soc.consent.tests.test_access_matrix import CASE_ROUTES, _url, _walk
from soc.teams.models import Meeting, Membership, NextStep

pytestmark = pytest.mark.django_db


@pytest.fixture
def neighbour(cast):
    """Otto facilitates another family's team, so he has real ids of his own to mix in."""
    team = f.TeamFactory(started_by=cast.other_org_staff, family__opened_by=cast.other_org_staff)
    f.MembershipFactory(team=team, user=cast.other_org_staff, role=Membership.Role.FACILITATOR)
    return team.family


def _object_ids_in(name):
    (pattern,) = [r for r, n in _walk(get_resolver().url_patterns) if n == name]
    return pattern.count("<int:")


@pytest.mark.parametrize("name", sorted(CASE_ROUTES))
def test_other_teams_member_gets_404_for_this_familys_ids(client, cast, neighbour, name):
    method, _insiders = CASE_ROUTES[name]
    client.force_login(cast.other_org_staff)
    call = getattr(client, method)
    # This family's own URL.
    assert call(_url(name, cast)).status_code == 404
    # His own family's id with this family's object ids.
    mixed = _url(name, cast).replace(
        f"/families/{cast.family.pk}/", f"/families/{neighbour.pk}/", 1
    )
    if _object_ids_in(name) > 1:
        assert call(mixed).status_code == 404, mixed


def test_tampered_form_field_naming_another_familys_meeting_is_refused(client, cast, neighbour):
    their_meeting = f.MeetingFactory(team=neighbour.team, called_by=cast.other_org_staff)
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("next_step_add", args=[cast.family.pk]),
        {
            "description": "x",
            "responsible": cast.member_membership.pk,
            "due_date": "2030-01-01",
            "meeting": their_meeting.pk,
        },
    )
    assert response.status_code == 404
    assert not NextStep.objects.filter(meeting=their_meeting).exists()


def test_tampered_responsible_member_from_another_family_is_refused(client, cast, neighbour):
    theirs = neighbour.team.memberships.get()
    client.force_login(cast.facilitator)
    client.post(
        reverse("next_step_add", args=[cast.family.pk]),
        {"description": "x", "responsible": theirs.pk, "due_date": "2030-01-01"},
    )
    assert not NextStep.objects.filter(responsible=theirs).exists()


def test_tampered_attendance_row_for_another_familys_member_is_refused(cast, neighbour):
    from django.core.exceptions import ValidationError

    from soc.teams import actions

    theirs = neighbour.team.memberships.get()
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=cast.meeting.starts_at.replace(year=2020),
        ends_at=cast.meeting.ends_at.replace(year=2020),
    )
    cast.meeting.refresh_from_db()
    with pytest.raises(ValidationError):
        actions.record_meeting(
            cast.facilitator,
            cast.meeting,
            version=cast.meeting.version,
            notes="",
            decisions="",
            attendance={theirs.pk: ("present", False)},
        )


def test_oversize_form_is_refused_with_400_not_500(client, cast, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("family_edit", args=[cast.family.pk]), {"culture_notes": "x" * 20_000}
    )
    assert response.status_code == 400


def test_tampered_ids_inside_my_own_family_are_404_and_recorded(client, cast, neighbour):
    from soc.audit.models import AuditEvent

    their_meeting = f.MeetingFactory(team=neighbour.team, called_by=cast.other_org_staff)
    client.force_login(cast.facilitator)
    url = reverse("meeting", args=[cast.family.pk, their_meeting.pk])
    assert client.get(url).status_code == 404
    event = AuditEvent.objects.get(action="access.denied", actor=cast.facilitator)
    assert event.detail["path"] == url and event.family_id is None
