from django.core.management.base import BaseCommand

from soc.family_partners.followups import erase_expired, flag_unclaimed


class Command(BaseCommand):
    help = (
        "Flag family requests nobody claimed in 2 business days, and erase the contact details "
        "of closed requests never linked to a family once the retention period has passed."
    )

    def handle(self, *args, **options):
        flagged = flag_unclaimed()
        erased = erase_expired()
        self.stdout.write(f"{flagged} request(s) flagged, {erased} request(s) erased.")
