"""Seeding a database with demo data: one transaction per batch, one audit event per run."""

from django.db import transaction

from soc.audit.log import record

from .generator import Generator
from .story import DemoStory


def seed(*, families, seed, demo=False, today=None, batch_size=None, progress=None):
    """Write `families` synthetic families (and the demo story) and return row counts by kind.

    Counties, organizations, staff and the story's accounts are committed first, then every
    batch of families in its own transaction (`progress(done, total)` after each), then the
    `demo.seed` audit event. A run that fails part way leaves the batches written so far.
    """
    options = {} if batch_size is None else {"batch_size": batch_size}
    generator = Generator(families=families, seed=seed, today=today, **options)
    with transaction.atomic():
        generator.prepare()
        if demo:
            DemoStory(generator).build()
    counts = generator.run(progress=progress)
    record(None, "demo.seed", ("demo", "seed"), detail={"families": families, "seed": seed})
    return counts
