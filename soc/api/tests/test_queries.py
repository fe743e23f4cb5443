"""Every list costs the same number of queries with 2 rows as with 12."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soc import factories as f
from soc.teams.models import Attendance, Membership

from .conftest import ApiClient


@pytest.fixture
def team(db):
    team = f.TeamFactory()
    team.facilitator = f.MembershipFactory(
        team=team, user=team.started_by, role=Membership.Role.FACILITATOR
    )
    return team


def add_families(team, n):
    for _ in range(n):
        other = f.TeamFactory()
        f.MembershipFactory(team=other, user=team.started_by, role=Membership.Role.FACILITATOR)
        f.MembershipFactory(team=other)
        f.PersonFactory(family=other.family)
    return "/families"


def add_people(team, n):
    for _ in range(n):
        f.PersonFactory(family=team.family)
    return f"/families/{team.family_id}/people"


def add_members(team, n):
    for i in range(n):
        f.MembershipFactory(
            team=team,
            proposed_by=team.started_by,
            status=Membership.Status.PROPOSED if i % 2 else Membership.Status.ACTIVE,
        )
    return f"/families/{team.family_id}/members"


def add_meetings(team, n):
    for i in range(n):
        meeting = f.MeetingFactory(
            team=team,
            notes="Notes",
            author=team.started_by,
            category="mental_health" if i % 2 else "general",
        )
        Attendance.objects.create(meeting=meeting, membership=team.facilitator, status="present")
    return f"/families/{team.family_id}/meetings"


def add_next_steps(team, n):
    for _ in range(n):
        f.NextStepFactory(team=team, author=team.started_by)
    return f"/families/{team.family_id}/next-steps"


@pytest.mark.parametrize(
    "add_rows", [add_families, add_people, add_members, add_meetings, add_next_steps]
)
def test_list_costs_a_fixed_number_of_queries(team, add_rows, django_assert_num_queries):
    client = ApiClient(team.started_by)
    path = add_rows(team, 2)
    with CaptureQueriesContext(connection) as few:
        first = client.get(path).json()
    add_rows(team, 10)
    with django_assert_num_queries(len(few.captured_queries)):
        second = client.get(path).json()
    assert second["count"] == first["count"] + 10 == len(second["items"])
