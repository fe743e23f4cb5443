"""`soc demo_reporting`: the demo's reporting requirements (after `soc demo_collaboratives`;
runs once)."""

from django.core.management.base import BaseCommand

from soc.reporting.demo import add_demo_reporting


class Command(BaseCommand):
    help = "Add the demo's reporting requirements (once; needs the demo collaboratives)."

    def handle(self, *args, **options):
        added = add_demo_reporting()
        if added is None:
            self.stdout.write("Run `soc demo_collaboratives` first.")
        else:
            self.stdout.write(
                "Demo reporting requirements added."
                if added
                else "Demo reporting requirements exist already."
            )
