"""Where one door's time goes: Python (cProfile) and SQL (each query's time), not a benchmark.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_100000 \
        .venv/bin/python bench/profile_door.py home --repeat 50 [--user EMAIL] [--top 30]

Doors: detail, list, home, team, search. The same server settings as bench/run_bench.py
(DEBUG off, e-mail and background work dropped); requests go through Django's test client
with a real session cookie, so every middleware runs. It prints the mean wall time per
request, the mean SQL time and query count, the slowest query shapes, and cProfile's top
functions by cumulative and by own time.
"""

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SERVER_ENV  # noqa: E402

for key, value in SERVER_ENV.items():
    os.environ.setdefault(key, value)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.calibration_settings")

PATHS = {
    "detail": "/api/v1/families/{family}",
    "list": "/api/v1/families",
    "home": "/",
    "team": "/families/{family}/",
    "search": "/search/?q={query}",
}


class GcClock:
    """Time spent in the cyclic garbage collector (charged by cProfile to whatever allocated)."""

    def __init__(self):
        self.seconds, self.collections, self._started = 0.0, 0, 0.0

    def __call__(self, phase, info):
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.collections += 1


class QueryClock:
    def __init__(self):
        self.shapes = defaultdict(lambda: [0, 0.0])
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.count += 1
            self.seconds += spent
            shape = self.shapes[sql[:160]]
            shape[0] += 1
            shape[1] += spent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("door", choices=sorted(PATHS))
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--user")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--no-freeze", action="store_true", help="skip gunicorn.conf.py's gc tuning"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="EXPLAIN (ANALYZE, BUFFERS) of each query one request runs, slowest first",
    )
    parser.add_argument(
        "--time-only",
        action="store_true",
        help="no cProfile or SQL clock: the median and quartiles of each request's wall time",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from bench.common import signed_in_session, staff_user
    from soc.families.models import Family, Person

    user = staff_user(args.user)
    family = Family.objects.visible_to(user).order_by("id").first()
    query = (
        Person.objects.filter(family=family)
        .exclude(last_name="")
        .values_list("last_name", flat=True)
    ).first() or "plan"
    cookie, key = signed_in_session(user)
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[cookie] = key
    path = PATHS[args.door].format(family=family.pk, query=query)

    for _ in range(3):  # warm caches, templates, connections
        assert client.get(path).status_code == 200, path  # noqa: S101  # nosec B101
    if not args.no_freeze:
        from soc.wsgi import tune_garbage_collector

        tune_garbage_collector()
    if args.time_only:
        print_times(args.door, path, user, client, args.repeat)
        return
    if args.explain:
        print_plans(path, client)
        return
    clock, collector = QueryClock(), GcClock()
    gc.callbacks.append(collector)
    profile = cProfile.Profile()
    started = time.perf_counter()
    with connection.execute_wrapper(clock):
        profile.enable()
        for _ in range(args.repeat):
            client.get(path)
        profile.disable()
    gc.callbacks.remove(collector)
    wall = (time.perf_counter() - started) / args.repeat

    print(f"{args.door} {path} as {user.email}: {wall * 1000:.1f} ms per request")
    print(
        f"SQL: {clock.count / args.repeat:.1f} queries, "
        f"{clock.seconds / args.repeat * 1000:.1f} ms per request\n"
    )
    print(
        f"GC: {collector.collections / args.repeat:.1f} collections, "
        f"{collector.seconds / args.repeat * 1000:.1f} ms per request "
        f"({len(gc.get_objects()):,} tracked objects)\n"
    )
    shapes = sorted(clock.shapes.items(), key=lambda item: -item[1][1])
    for sql, (count, seconds) in shapes[:12]:
        print(f"{seconds / args.repeat * 1000:7.2f} ms  x{count / args.repeat:<4.1f} {sql}")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


def print_times(door, path, user, client, repeat):
    """Each request timed alone, without the profiler's overhead (which doubles some doors):
    wall time, and this process's CPU time (less disturbed by other work on the machine, but
    blind to the database server's share)."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    load = os.getloadavg()[0]
    print(
        f"{door} {path} as {user.email}: median wall {statistics.median(wall):.1f} ms, "
        f"CPU {statistics.median(cpu):.1f} ms ({repeat} requests, load average {load:.2f})"
    )


def print_plans(path, client):
    """Each query of one request with its plan, as PostgreSQL runs it (run after the warm-up,
    so the plans are those of a busy server's hot cache)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                plans.append((0.0, sql, ["(not a SELECT: not explained)"]))
                continue
            # The SQL text Django logged for this request, parameters already quoted by psycopg.
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)  # nosec B608
            lines = [row[0] for row in cursor.fetchall()]
            total = next(
                (float(line.split()[2]) for line in lines if line.startswith("Execution Time")),
                0.0,
            )
            plans.append((total, sql, lines))
    for total, sql, lines in sorted(plans, key=lambda p: -p[0]):
        print(f"--- {total:.2f} ms  {sql[:300]}")
        print("\n".join(lines))
        print()


if __name__ == "__main__":
    main()
