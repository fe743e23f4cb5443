from django.core.management.base import BaseCommand, CommandError

from soc.audit.log import verify_chain


class Command(BaseCommand):
    help = "Audit trail tools. `soc audit verify` checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("subcommand", choices=["verify"])

    def handle(self, *args, subcommand, **options):
        checked, bad, problem = verify_chain()
        if bad is not None:
            raise CommandError(
                f"Audit chain broken at event #{bad.pk} ({bad.at:%Y-%m-%d %H:%M:%S} UTC, "
                f"{bad.action}): {problem}. {checked} events before it are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {checked} events verified."))
