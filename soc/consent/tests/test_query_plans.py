"""On PostgreSQL, with enough rows that the planner prefers indexes, the busiest doors read
from the user's own memberships: no sequential scan of families, people or memberships."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soc import factories as f
from soc.api.testing import ApiClient
from soc.families.models import Family, Person
from soc.teams.models import Membership, Team

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL plans"),
]

WATCHED = {"families_family", "families_person", "teams_membership"}
FAMILIES = 3000


@pytest.fixture
def state(cast):
    """Thousands of other families, each with people and a team, then fresh statistics."""
    staff = f.StaffFactory()
    families = Family.objects.bulk_create(
        Family(display_name=f"The Other{i} family", county=cast.family.county, opened_by=staff)
        for i in range(FAMILIES)
    )
    Person.objects.bulk_create(
        Person(family=family, role=role, first_name=f"Kid{i}", date_of_birth=date(2015, 1, 1))
        for i, family in enumerate(families)
        for role in ("child", "caregiver")
    )
    teams = Team.objects.bulk_create(Team(family=family, started_by=staff) for family in families)
    # About as many members per team as the seeded state has (6.4), some still proposed.
    Membership.objects.bulk_create(
        Membership(team=team, user=staff if i % 2 and j == 0 else None, role="agency",
                   status="proposed" if j == 5 else "active", name="Someone",
                   email=f"someone{i}.{j}@example.org")
        for i, team in enumerate(teams)
        for j in range(6)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return cast


def _plans(queries):
    for query in queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            raw = cursor.fetchone()[0]
            yield sql, (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]


def _sequential_scans(plan):
    if plan.get("Node Type") == "Seq Scan":
        yield plan["Relation Name"]
    for child in plan.get("Plans", []):
        yield from _sequential_scans(child)


def _assert_no_scan_of_watched_tables(queries):
    checked = 0
    for sql, plan in _plans(queries):
        scanned = set(_sequential_scans(plan)) & WATCHED
        assert not scanned, (scanned, sql)
        checked += 1
    assert checked


def _put_on_more_teams(user, n):
    """The user joins n of the other families' teams, and the statistics learn it: a user on
    many teams is where a planner may prefer scanning every family to looking up each."""
    teams = Team.objects.exclude(memberships__user=user).order_by("id")[:n]
    Membership.objects.bulk_create(
        Membership(team=team, user=user, role="agency", status="active", name=user.full_name,
                   email=user.email)
        for team in teams
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@pytest.mark.parametrize("teams", [1, 200])
@pytest.mark.parametrize(
    "door",
    ["home", "family_list_api", "search", "team_page", "family_api"],
)
def test_busy_doors_read_from_the_users_memberships(state, client, door, teams):
    cast = state
    if teams > 1:
        _put_on_more_teams(cast.member, teams - 1)
    client.force_login(cast.member)
    with CaptureQueriesContext(connection) as captured:
        if door == "home":
            response = client.get(reverse("home"))
        elif door == "search":
            response = client.get(reverse("search") + "?q=Rivera")
        elif door == "team_page":
            response = client.get(reverse("family", args=[cast.family.pk]))
        elif door == "family_api":
            response = ApiClient(cast.member).get(f"/families/{cast.family.pk}")
        else:
            response = ApiClient(cast.member).get("/families")
    assert response.status_code == 200
    _assert_no_scan_of_watched_tables(captured.captured_queries)
