"""Time the busiest pages and endpoints in-process against a seeded database (not a test).

    .venv/bin/python bench/seed_bench.py --families 20000 --keep   # prints the database URL
    DATABASE_URL=sqlite:////tmp/soc-seed-bench.sqlite3 .venv/bin/python bench/pages_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_100000 .venv/bin/python bench/pages_bench.py

For each door it prints the median and 95th percentile of N requests through Django's test
client (no web server: bench/run_bench.py measures throughput under load) and the number of
SQL queries per request, as the staff user on the most teams (or --user), with DEBUG off and
no second factor. Works on SQLite and PostgreSQL.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SERVER_ENV  # noqa: E402

for name, value in SERVER_ENV.items():
    os.environ.setdefault(name, value)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import staff_user  # noqa: E402
from soc.families.models import Family  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", help="e-mail of the staff user (default: on the most teams)")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS", "30")))
    args = parser.parse_args()

    user = staff_user(args.user)
    if user is None:
        sys.exit("No staff user in this database: seed it first (bench/seed_bench.py).")
    family = Family.objects.visible_to(user).order_by("id").first()
    if family is None:
        sys.exit(f"{user.email} is on no team: choose another --user.")
    query = family.people.exclude(last_name="").values_list("last_name", flat=True).first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    doors = {
        "home": "/",
        "team page": f"/families/{family.pk}/",
        "who has looked": f"/families/{family.pk}/who-looked/",
        "search": f"/search/?q={query or 'plan'}",
        "api families": "/api/v1/families",
        "api family": f"/api/v1/families/{family.pk}",
        "api meetings": f"/api/v1/families/{family.pk}/meetings",
    }
    teams = Family.objects.visible_to(user).count()
    print(
        f"{connection.vendor}: {Family.objects.count():,} families; {user.email} on {teams} teams"
    )
    print(f"{'door':<16} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in doors.items():
        times = []
        for _ in range(args.rounds):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
        p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
        queries = len(ctx.captured_queries)
        print(f"{name:<16} {statistics.median(times):>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
