"""`soc demo_referrals`: referrals in every state for the demo (after `soc directory demo`; once)."""

from django.core.management.base import BaseCommand

from soc.demo.generator import PASSWORD
from soc.referrals.demo import add_demo_referrals


class Command(BaseCommand):
    help = "Refer demo families to one provider's services, in every referral state."

    def handle(self, *args, **options):
        added, provider = add_demo_referrals(PASSWORD)
        self.stdout.write(f"Demo referrals added: {added}.")
        if provider:
            name, organization, email = provider
            self.stdout.write(
                f"Provider inbox sign-in ({name}, {organization}): {email} / {PASSWORD}"
                " at /referrals/inbox/"
            )
