"""Time `soc seed` on a throwaway SQLite or PostgreSQL database and count what it wrote.

    .venv/bin/python bench/seed_bench.py                  # 100,000 families, seed 1, SQLite
    .venv/bin/python bench/seed_bench.py --families 20000
    .venv/bin/python bench/seed_bench.py --db postgres://postgres@127.0.0.1:5432/seed_bench

Not a test: it prints the time taken by `soc migrate` and `soc seed`, rows per table and
the size of the database, then deletes it (unless --keep). A PostgreSQL database is dropped
and created again first.
"""

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PYTHON, ROOT  # noqa: E402

TABLES = [
    "accounts_organization",
    "accounts_user",
    "families_family",
    "families_person",
    "teams_team",
    "teams_membership",
    "teams_meeting",
    "teams_attendance",
    "teams_nextstep",
    "audit_auditevent",
]


def run(command, env):
    """`python -m soc` from this checkout (never .venv/bin/soc, which may be another checkout)."""
    started = time.monotonic()
    subprocess.run([str(PYTHON), "-m", "soc", *command], env=env, check=True, cwd=ROOT)  # noqa: S603  # nosec B603
    return time.monotonic() - started


class SQLite:
    def __init__(self, path):
        self.path = Path(path).resolve()
        self.url = f"sqlite:///{self.path}"

    def files(self):
        return [Path(f"{self.path}{suffix}") for suffix in ("", "-wal", "-shm")]

    def remove(self):
        for file in self.files():
            file.unlink(missing_ok=True)

    create = remove

    def counts(self):
        with sqlite3.connect(self.path) as db:
            return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608  # nosec B608

    def size(self):
        return sum(f.stat().st_size for f in self.files()[:2] if f.exists())


class Postgres:
    def __init__(self, url):
        self.url = url
        parts = urlsplit(url)
        self.name = parts.path.lstrip("/")
        self.admin = parts._replace(path="/postgres").geturl()

    def remove(self):
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{self.name}"')  # nosec B608

    def create(self):
        import psycopg

        self.remove()
        with psycopg.connect(self.admin, autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{self.name}"')  # nosec B608

    def counts(self):
        import psycopg

        with psycopg.connect(self.url) as db:
            return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608  # nosec B608

    def size(self):
        import psycopg

        with psycopg.connect(self.url) as db:
            return db.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--db", default="/tmp/soc-seed-bench.sqlite3", help="a SQLite file or a postgres:// URL"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    database = Postgres(args.db) if args.db.startswith("postgres") else SQLite(args.db)
    database.create()
    # DEBUG keeps the SQL of every query (and on SQLite re-quotes every parameter): off.
    env = {**os.environ, "DATABASE_URL": database.url, "DEBUG": "0"}
    migrate_seconds = run(["migrate", "--noinput", "-v0"], env)
    seed_seconds = run(["seed", "--families", str(args.families), "--seed", str(args.seed)], env)
    counts = database.counts()
    size = database.size()

    print()
    print(f"database          {database.url}")
    print(f"families          {args.families:>12,}  (seed {args.seed})")
    print(f"soc migrate       {migrate_seconds:>12.1f} s")
    print(f"soc seed          {seed_seconds:>12.1f} s")
    for table, count in counts.items():
        print(f"{table:<24}{count:>12,}")
    total = sum(counts.values())
    print(f"{'rows in all':<24}{total:>12,}  ({total / seed_seconds:,.0f} rows/s)")
    print(f"{'database size':<24}{size / 2**20:>12,.0f} MiB")
    if not args.keep:
        database.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
