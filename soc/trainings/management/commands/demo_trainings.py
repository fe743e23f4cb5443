"""`soc demo_trainings`: the demo's trainings and events, after `soc demo_collaboratives`.
Idempotent: run it again and nothing is added twice."""

from django.core.management.base import BaseCommand

from soc.trainings.demo import add_demo_trainings


class Command(BaseCommand):
    help = "Add the demo's trainings and events (idempotent)."

    def handle(self, *args, **options):
        added = add_demo_trainings()
        self.stdout.write(
            f"Demo trainings added: {added}." if added else "Demo trainings exist already."
        )
