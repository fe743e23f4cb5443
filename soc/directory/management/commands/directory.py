"""`soc directory import PATH`, `soc directory export --format json|csv PATH`, `soc directory demo`,
`soc directory words` (rebuild the vocabulary search corrects typos to)."""

import gc
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from soc.directory.transfer import exporting
from soc.directory.transfer.importing import ImportFailed, import_rows
from soc.directory.transfer.reading import Unreadable, read
from soc.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Import, export and demonstrate the community resource directory (Open Referral HSDS 3.0)."
    )
    # The system checks load every URL, view and API schema: seconds on each run, none of which
    # an import or export uses (`soc check` runs them).
    requires_system_checks = []

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser("import", help="read HSDS JSON or an HSDS CSV package")
        importing.add_argument("path", help="a .json file, a .csv file or a CSV package folder")
        importing.add_argument(
            "--dry-run", action="store_true", help="check and count; write nothing"
        )
        importing.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import all but the rows with errors (listed)",
        )
        exporting_ = commands.add_parser("export", help="write the whole directory as HSDS")
        exporting_.add_argument("--format", choices=("json", "csv"), default="json")
        exporting_.add_argument("path", help="a .json file, or a folder for the CSV package")
        demo = commands.add_parser("demo", help="add the demo directory (about 200 services)")
        demo.add_argument("--if-empty", action="store_true", help="only when there are no services")
        commands.add_parser(
            "words", help="rebuild the words search corrects typos to (forgets unused ones)"
        )

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _import(self, path, dry_run, skip_invalid, verbosity, **_):
        path = Path(path)
        if not path.exists():
            raise CommandError(f"{path}: no such file or folder.")
        bar = ProgressBar(self.stderr, unit="records") if verbosity > 0 else None
        # An import makes millions of objects and frees none before it ends: the collector
        # would walk them all again and again looking for cycles (a fifth of the time).
        collecting = gc.isenabled()
        gc.disable()
        try:
            rows = read(path)
            report = import_rows(
                rows, dry_run=dry_run, skip_invalid=skip_invalid, progress=bar, source=path.name
            )
        except Unreadable as error:
            raise CommandError(str(error.problem)) from None
        except ImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing imported: {len(failed.problems)} problems. Fix them, or import the "
                "other rows with --skip-invalid."
            ) from None
        finally:
            if collecting:
                gc.enable()
        for problem in report.problems:
            self.stderr.write(f"skipped: {problem}")
        for table in report.created:
            self.stdout.write(
                f"{table}: {report.created[table]} new, {report.changed[table]} changed, "
                f"{report.unchanged[table]} unchanged"
            )
        new, changed, same = report.totals
        verb = "Would import" if dry_run else "Imported"
        skipped = f", {report.skipped} rows skipped" if report.skipped else ""
        self.stdout.write(f"{verb}: {new} new, {changed} changed, {same} unchanged{skipped}.")

    def _export(self, path, format, **_):
        path = Path(path)
        counts = exporting.export_json(path) if format == "json" else exporting.export_csv(path)
        self.stdout.write(f"Exported {sum(counts.values())} records to {path}.")

    def _demo(self, if_empty, **_):
        from soc.directory.demo import add_demo_directory
        from soc.directory.models import Service

        if if_empty and Service.objects.exists():
            self.stdout.write("The directory already has services; nothing added.")
            return
        services, written = add_demo_directory()
        self.stdout.write(
            f"Demo directory: {services} services ({written} records new or changed)."
        )

    def _words(self, **_):
        from soc.directory import vocabulary
        from soc.directory.models import SearchWord

        vocabulary.rebuild()
        self.stdout.write(f"Search vocabulary: {SearchWord.objects.count()} words.")
