"""The `soc` command: Django's manage.py under the project's name (`soc migrate`, `soc audit verify`)."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    try:
        execute_from_command_line(["soc", *sys.argv[1:]])
    except (OperationalError, ProgrammingError):
        advice = not_set_up_advice()
        if advice is None:
            raise
        sys.stderr.write(advice)
        sys.exit(2)


def _describe(database):
    if database["ENGINE"].endswith("sqlite3"):
        return str(database["NAME"])
    return f"{database['NAME']} on {database.get('HOST') or 'localhost'}"  # never the password


def not_set_up_advice():
    """What to run when the database has no tables yet (or cannot be reached), else None."""
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import OperationalError

    where = _describe(settings.DATABASES["default"])
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return (
            f"Cannot reach the database {where}: {first_line}\n"
            "Check DATABASE_URL (see the README's Configuration).\n"
        )
    if not pending:
        return None
    advice = (
        f"The database {where} is not set up yet ({len(pending)} migrations to apply).\n"
        "Run:  soc migrate\n"
    )
    demo = settings.BASE_DIR / "var" / "demo.sqlite3"
    if demo.exists() and str(demo) != str(settings.DATABASES["default"]["NAME"]):
        advice += (
            "To use the database `make demo` built instead, name it:\n"
            f"  DATABASE_URL=sqlite:///{demo} soc {' '.join(sys.argv[1:])}\n"
        )
    return advice


if __name__ == "__main__":
    main()
