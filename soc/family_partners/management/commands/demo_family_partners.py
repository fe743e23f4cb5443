"""`soc demo_family_partners`: the family organization's partner and families' requests (idempotent)."""

from django.core.management.base import BaseCommand

from soc.demo.generator import PASSWORD
from soc.family_partners.demo import add_demo_requests


class Command(BaseCommand):
    help = "A family partner for the demo counties and a few families' requests in each state."

    def handle(self, *args, **options):
        added, (name, organization, email) = add_demo_requests(PASSWORD)
        self.stdout.write(f"Demo family requests added: {added}.")
        self.stdout.write(
            f"Family partner inbox sign-in ({name}, {organization}): {email} / {PASSWORD}"
            " at /family-partners/requests/"
        )
