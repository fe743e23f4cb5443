"""`soc demo_plans`: give the demo's families their plans (after `soc seed --demo`; runs once)."""

from django.core.management.base import BaseCommand

from soc.plans.demo import add_demo_plans


class Command(BaseCommand):
    help = "Give up to six demo families a plan in effect, earlier versions and ratings."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=6)

    def handle(self, *args, limit, **options):
        added = add_demo_plans(limit=limit)
        self.stdout.write(f"Demo plans added: {added}.")
