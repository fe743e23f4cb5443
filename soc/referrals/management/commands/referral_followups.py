"""`soc referral_followups`: flag referrals unanswered for 2 business days, escalate at 14."""

from django.core.management.base import BaseCommand

from soc.referrals.followups import follow_up


class Command(BaseCommand):
    help = "Flag referrals with no answer in 2 business days and escalate them at 14 (run daily)."

    def handle(self, *args, **options):
        counts = follow_up()
        self.stdout.write(
            f"Referrals flagged: {counts['overdue']}; escalated: {counts['escalated']}."
        )
