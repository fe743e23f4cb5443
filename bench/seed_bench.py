"""Time `soc seed` on a throwaway SQLite database and count what it wrote.

    .venv/bin/python bench/seed_bench.py                  # 100,000 families, seed 1
    .venv/bin/python bench/seed_bench.py --families 20000

Not a test: it prints the time taken by `soc migrate` and `soc seed`, rows per table and
the size of the database file, then deletes the file (unless --keep).
"""

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOC = ROOT / ".venv" / "bin" / "soc"
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
    started = time.monotonic()
    subprocess.run([str(SOC), *command], env=env, check=True, cwd=ROOT)
    return time.monotonic() - started


def remove(database):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default="/tmp/soc-seed-bench.sqlite3")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    database = Path(args.db).resolve()
    remove(database)
    # DEBUG keeps the SQL of every query (and on SQLite re-quotes every parameter): off.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "0"}
    migrate_seconds = run(["migrate", "--noinput", "-v0"], env)
    seed_seconds = run(["seed", "--families", str(args.families), "--seed", str(args.seed)], env)

    with sqlite3.connect(database) as db:
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    size = sum(
        Path(f"{database}{s}").stat().st_size
        for s in ("", "-wal")
        if Path(f"{database}{s}").exists()
    )

    print()
    print(f"families          {args.families:>12,}  (seed {args.seed})")
    print(f"soc migrate       {migrate_seconds:>12.1f} s")
    print(f"soc seed          {seed_seconds:>12.1f} s")
    for table, count in counts.items():
        print(f"{table:<24}{count:>12,}")
    total = sum(counts.values())
    print(f"{'rows in all':<24}{total:>12,}  ({total / seed_seconds:,.0f} rows/s)")
    print(f"{'database size':<24}{size / 2**20:>12,.0f} MiB")
    if not args.keep:
        remove(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
