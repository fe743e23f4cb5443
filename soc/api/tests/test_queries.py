"""Every list costs the same number of queries with 2 rows as with 12."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from soc import factories as f
from soc.api.testing import ApiClient
from soc.audit.models import AuditEvent
from soc.teams.models import Attendance, Membership


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


def _consent_for(team, reader, category):
    from soc.consent.models import Consent

    today = timezone.localdate()
    caregiver = f.PersonFactory(family=team.family, role="caregiver", date_of_birth=None)
    Consent.objects.create(
        family=team.family,
        granted_by=caregiver,
        recorded_by=team.started_by,
        discloser="Wake County Public Schools",
        recipient_kind="person",
        recipient_user=reader,
        recipient_label=reader.full_name,
        categories=[category],
        purpose="care_coordination",
        starts_on=today,
        expires_on=today + timedelta(days=90),
        right_to_revoke_explained=True,
        signed_name="X",
        signed_on=today,
        signature_method="in_person",
    )


@pytest.mark.parametrize("what", ["meetings", "next-steps"])
def test_reading_under_consent_costs_a_fixed_number_of_queries(team, what):
    """A reader who did not write the records reads them under consent: the disclosure path."""
    reader = f.MembershipFactory(team=team).user
    _consent_for(team, reader, "education")

    def add(n):
        for _ in range(n):
            if what == "meetings":
                f.MeetingFactory(team=team, notes="Reading plan", category="education",
                                 author=team.started_by)  # fmt: skip
            else:
                f.NextStepFactory(team=team, category="education", author=team.started_by,
                                  responsible=team.facilitator)  # fmt: skip

    client = ApiClient(reader)
    path = f"/families/{team.family_id}/{what}"
    add(2)
    with CaptureQueriesContext(connection) as few:
        first = client.get(path).json()
    add(10)
    with CaptureQueriesContext(connection) as many:
        second = client.get(path).json()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert second["count"] == first["count"] + 10
    shown = [row.get("notes") or row.get("description") for row in second["items"]]
    assert all(shown)  # every protected record is readable under the consent
    disclosures = AuditEvent.objects.filter(action="disclosure", actor=reader)
    assert disclosures.count() == 2  # one per request, listing every record shown
    assert len(disclosures.last().detail["records"]) == 12


@pytest.mark.parametrize(
    ("query", "shown", "counted"),
    [
        ("", 4, False),
        ("?limit=2", 2, True),
        ("?limit=2&offset=2", 2, True),
        ("?limit=3&offset=3", 1, False),
        ("?offset=4", 0, True),
        ("?offset=9", 0, True),
    ],
)
def test_a_page_that_ends_the_list_is_counted_without_a_count_query(team, query, shown, counted):
    """The count is the same whether a page ends the list (offset + its rows, no COUNT) or not
    (a full page, or one past the end, which cannot tell how long the list is)."""
    add_families(team, 3)
    client = ApiClient(team.started_by)
    with CaptureQueriesContext(connection) as captured:
        body = client.get("/families" + query).json()
    assert (body["count"], len(body["items"])) == (4, shown)
    sql = [q["sql"] for q in captured.captured_queries]
    assert any('COUNT(*) AS "__count"' in q for q in sql) == counted
