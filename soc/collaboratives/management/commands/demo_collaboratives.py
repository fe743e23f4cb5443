"""`soc demo_collaboratives`: the demo's State Collaborative, local bodies, meetings, barriers and
recommendations (after `soc seed --demo`; runs once)."""

from django.core.management.base import BaseCommand

from soc.collaboratives.demo import add_demo_collaboratives


class Command(BaseCommand):
    help = "Add the demo's collaboratives (once: skipped when the State Collaborative exists)."

    def handle(self, *args, **options):
        added = add_demo_collaboratives()
        self.stdout.write(
            "Demo collaboratives added." if added else "Demo collaboratives exist already."
        )
