"""Seeding a database with demo data: one function, one transaction, one audit event."""

from django.db import transaction

from soc.audit.log import record

from .generator import Generator, full_sqlite_batches
from .story import DemoStory


def seed(*, families, seed, demo=False, today=None):
    """Write `families` synthetic families (and the demo story) and return row counts by kind."""
    with full_sqlite_batches(), transaction.atomic():
        generator = Generator(families=families, seed=seed, today=today)
        generator.prepare()
        if demo:
            DemoStory(generator).build()
        counts = generator.run()
        record(None, "demo.seed", ("demo", "seed"), detail={"families": families, "seed": seed})
    return counts
