"""`soc seed`: fill a database with synthetic families, or with the demo story."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from soc.demo import story
from soc.demo.actions import seed as seed_database
from soc.demo.generator import PASSWORD
from soc.families.models import Family
from soc.progress import ProgressBar

DEMO_FAMILIES = 30
DEMO_SEED = 2026


class Command(BaseCommand):
    help = (
        "Fill an empty database with synthetic families, their teams, meetings and next steps. "
        "The same --families and --seed give the same data (dates follow today)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--families", type=int, help=f"default {DEMO_FAMILIES}")
        parser.add_argument("--seed", type=int, default=DEMO_SEED)
        parser.add_argument(
            "--demo", action="store_true", help="also build the demo story and its sign-ins"
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if families already exist"
        )

    def handle(self, *args, families, seed: int, demo, if_empty, **options):
        families = DEMO_FAMILIES if families is None else families
        if families < 0:
            raise CommandError("--families cannot be negative.")
        if Family.objects.exists():
            if not if_empty:
                raise CommandError(
                    "This database already has families. Seed an empty database, "
                    "or add --if-empty to leave it as it is."
                )
            self.stdout.write("Families already exist: nothing added.")
            if demo:
                self.print_sign_ins()
            return
        if demo and (taken := story.existing_sign_ins()):
            raise CommandError(f"Demo accounts already exist: {', '.join(taken)}.")

        if settings.DEBUG and families >= 10_000:
            self.stdout.write(
                self.style.WARNING("DEBUG is on, which slows large runs down: set DEBUG=0.")
            )
        started = time.monotonic()
        bar = ProgressBar(self.stderr, started) if options["verbosity"] > 0 else None
        counts = seed_database(families=families, seed=seed, demo=demo, progress=bar)
        seconds = time.monotonic() - started
        story_note = " and the demo story" if demo else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {families} families{story_note} with seed {seed} in {seconds:.1f} s:"
            )
        )
        width = max(len(kind) for kind in counts)
        for kind, count in counts.items():
            self.stdout.write(f"  {kind:<{width}}  {count:>9,}")
        self.stdout.write(f"Every account signs in with the password {PASSWORD}")
        if demo:
            self.print_sign_ins()

    def print_sign_ins(self):
        header = ("Role", "E-mail", "Password", "Language", "What to try")
        rows = [header, *story.sign_in_rows()]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo sign-ins"))
        for number, row in enumerate(rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  ".join([*cells, row[4]]))
            if number == 0:
                self.stdout.write("  ".join("-" * w for w in [*widths, len(header[4])]))
