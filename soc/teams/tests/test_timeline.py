"""The team page's timeline reads change events only, however many views a family has had."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soc.audit.log import record
from soc.teams import timeline

pytestmark = pytest.mark.django_db


def test_timeline_shows_changes_in_plain_words_newest_first(cast):
    record(cast.facilitator, "meeting.convene", cast.meeting, family_id=cast.family.pk)
    record(cast.member, "family.view", cast.family, family_id=cast.family.pk)
    record(cast.caregiver, "member.approve", cast.member_membership, family_id=cast.family.pk)
    entries = timeline.recent(cast.family.pk)
    assert [(e["who"], str(e["what"])) for e in entries] == [
        ("Maria Rivera", "approved a new team member"),
        ("Fran Facilitator", "called a team meeting"),
    ]


def test_timeline_query_asks_for_change_events_through_the_family_kind_index(cast):
    for _ in range(30):
        record(cast.member, "family.view", cast.family, family_id=cast.family.pk)
    record(cast.facilitator, "next_step.create", cast.next_step, family_id=cast.family.pk)
    with CaptureQueriesContext(connection) as queries:
        entries = timeline.recent(cast.family.pk)
    assert len(entries) == 1 and len(queries) == 1
    sql = queries[0]["sql"]
    assert "\"kind\" = 'change'" in sql and '"family_id" = ' in sql
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            plan = timeline.recent_changes(cast.family.pk)[:15].explain()
            cursor.execute("RESET enable_seqscan")
        assert "audit_family_kind_id" in plan
