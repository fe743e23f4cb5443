from django.core.management.base import BaseCommand, CommandError

from soc.audit.log import verify_chain
from soc.audit.parallel import verify_all


class Command(BaseCommand):
    help = (
        "Audit trail tools. `soc audit verify` checks every hash chain; "
        "`--family ID` checks one family's."
    )

    def add_arguments(self, parser):
        parser.add_argument("subcommand", choices=["verify"])
        parser.add_argument("--family", type=int, help="check only this family's chain")
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="processes that check chains at once (PostgreSQL; default: one per core)",
        )

    def handle(self, *args, subcommand, family=None, jobs=None, **options):
        result = verify_chain(family_id=family) if family is not None else verify_all(jobs)
        scope = f"family {family}'s chain" if family is not None else "chains"
        if result.bad is not None:
            bad = result.bad
            raise CommandError(
                f"Audit chain broken at event #{bad.pk} ({bad.at:%Y-%m-%d %H:%M:%S} UTC, "
                f"{bad.action}, chain {bad.chain} #{bad.seq}): {result.problem}. "
                f"{result.checked} other events checked are intact."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit {scope} intact: {result.checked} events verified in {result.chains} "
                + ("chain." if result.chains == 1 else "chains.")
            )
        )
