"""`soc seed`: the same seed gives the same data, written with a fixed number of queries."""

import hashlib
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from soc.accounts.models import User
from soc.audit.models import AuditEvent
from soc.demo.actions import seed
from soc.families.models import Family, Person
from soc.teams.models import Attendance, Meeting, Membership, NextStep

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


def digest():
    """A hash of what the data says, without database ids (they differ between runs)."""
    families = list(Family.objects.order_by("id").values_list("id", flat=True))
    rank = {family_id: number for number, family_id in enumerate(families)}
    tables = [
        Family.objects.values_list(
            "id", "display_name", "county__name", "primary_language", "interpreter_needed",
            "culture_notes", "what_matters", "opened_by__email", "opened_at",
        ),
        Person.objects.values_list(
            "family_id", "role", "first_name", "last_name", "date_of_birth", "school", "grade",
            "relation", "is_legal_guardian", "preferred_language", "pronouns", "phone", "email",
            "user__email",
        ),
        Membership.objects.values_list(
            "team__family_id", "role", "status", "support_kind", "user__email",
            "person__first_name", "name", "email", "phone", "organization__name", "language",
            "required_by_agency", "proposed_at", "decided_at",
        ),
        Meeting.objects.values_list(
            "team__family_id", "uid", "reason", "starts_at", "ends_at", "status", "place",
            "video_link", "agenda", "notes", "decisions", "called_by__email",
        ),
        NextStep.objects.values_list(
            "team__family_id", "description", "responsible__name", "due_date", "status",
            "completed_at", "meeting__uid",
        ),
    ]  # fmt: skip
    rows = [(rank[row[0]], *row[1:]) for table in tables for row in table.order_by("id")]
    rows += Attendance.objects.order_by("id").values_list(
        "meeting__uid", "membership__name", "status", "interpreter_used"
    )
    rows += User.objects.order_by("id").values_list(
        "email", "full_name", "language", "organization__name", "job_title"
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def seeded(measure, **options):
    """Seed in a savepoint, measure, and undo the seeding so the next run starts empty."""
    with transaction.atomic():
        seed(today=TODAY, **options)
        result = measure()
        transaction.set_rollback(True)
    return result


def test_the_same_seed_gives_the_same_data():
    first = seeded(digest, families=40, seed=7)
    second = seeded(digest, families=40, seed=7)
    assert first == second


def test_another_seed_gives_other_data():
    assert seeded(digest, families=40, seed=7) != seeded(digest, families=40, seed=8)


def test_the_number_of_queries_does_not_grow_with_the_number_of_families():
    def queries(families):
        with CaptureQueriesContext(connection) as captured, transaction.atomic():
            seed(families=families, seed=3, today=TODAY)
            transaction.set_rollback(True)
        return len(captured)

    fifty, hundred_fifty = queries(50), queries(150)
    assert fifty == hundred_fifty
    assert fifty < 40


def test_each_batch_of_families_costs_the_same_fixed_number_of_queries():
    from soc.demo.generator import Generator

    def queries(batch_size):
        with CaptureQueriesContext(connection) as captured, transaction.atomic():
            generator = Generator(families=20, seed=3, today=TODAY, batch_size=batch_size)
            generator.prepare()
            generator.run()
            transaction.set_rollback(True)
        return len(captured)

    one, two, four = queries(20), queries(10), queries(5)  # one, two and four batches
    per_batch = 2 + 2 * 8  # a savepoint; new ids and one insert for each of eight tables
    assert one < two <= one + per_batch
    assert two < four <= one + 3 * per_batch


def test_batches_give_the_same_data_as_one_batch():
    def run(batch_size):
        return seeded(digest, families=30, seed=7, batch_size=batch_size)

    assert run(7) == run(2000)


def test_progress_is_reported_after_every_batch():
    calls = []
    seeded(list, families=25, seed=2, batch_size=10, progress=lambda *a: calls.append(a))
    assert calls == [(10, 25), (20, 25), (25, 25)]


def test_seeding_writes_one_audit_event():
    seed(families=5, seed=1, today=TODAY)
    events = AuditEvent.objects.filter(action="demo.seed")
    assert [e.detail for e in events] == [{"families": 5, "seed": 1}]


def test_if_empty_does_not_add_families_to_a_seeded_database():
    call_command("seed", "--demo", "--families", "3", "--if-empty", stdout=StringIO())
    families = Family.objects.count()
    out = StringIO()
    call_command("seed", "--demo", "--families", "3", "--if-empty", stdout=out)
    assert Family.objects.count() == families == 4  # three families and the Riveras
    assert "maria.rivera@example.org" in out.getvalue()  # the sign-ins are still printed


def test_seeding_a_database_with_families_needs_if_empty():
    seed(families=2, seed=1, today=TODAY)
    with pytest.raises(CommandError, match="already has families"):
        call_command("seed", "--families", "2", stdout=StringIO())
