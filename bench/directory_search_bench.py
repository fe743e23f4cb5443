"""Directory search at 50,000 services on PostgreSQL: p95 single-user and at 16 connections.

    .venv/bin/python bench/directory_search_bench.py                 # seeds on the first run
    .venv/bin/python bench/directory_search_bench.py --rounds 300 --explain 4

Creates (or reuses) the database `soc_bench_directory` (BENCH_DATABASE_URL names another),
migrates it, seeds 50,000 services in English and Spanish across the North Carolina counties
(each with a location, address, language, service area, cost option and need; one in twenty
inactive), vacuums and analyzes it, then calls `search_services` (one results page with
everything the page shows, as the "Find help" page does) for a mix of free-text, typo, filter and
ZIP-code searches: from one connection, then from 16 connections at once, each in its own process
(as 16 gunicorn workers would), then from 16 threads of one process (Python's GIL serializes
their Python half: a worst case). Last come each search's median, and EXPLAIN ANALYZE of the
slowest query of the slowest searches.
Targets (issue #13): p95 <= 50 ms single-user, <= 150 ms at 16 connections.
"""

import argparse
import datetime
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import create_postgres_database, vacuum_analyze  # noqa: E402

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/soc_bench_directory"
)
SERVICES = 50_000
SEARCHES = [
    {"query": "clases para padres en español"},
    {"query": "parenting class", "county": "Wake"},
    {"query": "food pantry", "near": "27601"},
    {"query": "consejeria familiar", "language": "es"},
    {"query": "counseling", "age": 10, "free": True},
    {"query": "parentng clas"},
    {"query": "", "near": "27701", "has_capacity": True},
    {"query": "", "need": "family-support", "county": "Durham"},
    # A Tuesday at noon in Raleigh, so that "open now" finds the services open on weekdays.
    {
        "query": "respite care",
        "open_now": True,
        "now": datetime.datetime(2026, 12, 1, 17, 0, tzinfo=datetime.UTC),
    },
    {"query": "tutoring", "near": "Raleigh, NC"},
]
WHAT = [
    ("Parenting class", "Clases para padres", "parenting-support"),
    ("Family counseling", "Consejería familiar", "mental-health-counseling"),
    ("Food pantry", "Banco de alimentos", "food"),
    ("Respite care", "Cuidado de relevo", "respite"),
    ("Tutoring", "Tutoría", "education"),
    ("Crisis line", "Línea de crisis", "crisis"),
    ("Housing help", "Ayuda con vivienda", "housing"),
    ("Mentoring", "Mentoría", "mentoring"),
]
WHO = ["for parents", "for teens", "for young children", "para familias", "para jóvenes"]
TOWNS = [
    ("27601", 35.77, -78.63),
    ("27701", 35.99, -78.90),
    ("28202", 35.22, -80.84),
    ("27403", 36.06, -79.82),
    ("28801", 35.59, -82.55),
]


def setup():
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed():
    from soc.accounts.models import County
    from soc.directory import models as m
    from soc.directory.models.base import folded
    from soc.directory.needs import term_id

    if m.Service.objects.count() >= SERVICES:
        return
    rng = random.Random(13)
    counties = list(County.objects.all())
    orgs = m.Organization.objects.bulk_create(
        m.Organization(name=f"Provider {i}", description="A community provider.")
        for i in range(500)
    )
    locations = m.Location.objects.bulk_create(
        m.Location(
            location_type="physical",
            name=f"Office {i}",
            latitude=lat + rng.uniform(-0.3, 0.3),
            longitude=lon + rng.uniform(-0.3, 0.3),
        )
        for i, (_z, lat, lon) in enumerate(rng.choice(TOWNS) for _ in range(5000))
    )
    m.Address.objects.bulk_create(
        m.Address(
            location=loc,
            address_1="1 Main St",
            city="Town",
            state_province="NC",
            postal_code="27601",
            country="US",
            address_type="physical",
        )
        for loc in locations
    )
    statuses = ["has-capacity", "waitlist", "no-capacity", ""]
    for start in range(0, SERVICES, 5000):
        batch = []
        for i in range(start, start + 5000):
            en, es, _need = WHAT[i % len(WHAT)]
            name = f"{es if i % 3 == 0 else en} {rng.choice(WHO)} {i}"
            description = f"{en}. {es}. {rng.choice(WHO)}."
            batch.append(
                m.Service(
                    organization=orgs[i % len(orgs)],
                    name=name,
                    description=description,
                    status="active" if i % 20 else "inactive",
                    capacity_status=rng.choice(statuses),
                    minimum_age=rng.choice([None, 0, 5, 12]),
                    maximum_age=rng.choice([None, 17, 21]),
                    search_text=folded(name, description),
                )
            )
        services = m.Service.objects.bulk_create(batch)
        m.ServiceAtLocation.objects.bulk_create(
            m.ServiceAtLocation(service=s, location=rng.choice(locations)) for s in services
        )
        m.Language.objects.bulk_create(
            m.Language(service=s, code="es" if j % 3 == 0 else "en") for j, s in enumerate(services)
        )
        m.ServiceArea.objects.bulk_create(
            m.ServiceArea(service=s, name="County", county=rng.choice(counties)) for s in services
        )
        m.CostOption.objects.bulk_create(
            m.CostOption(service=s, option="Free", amount=0) for s in services[::2]
        )
        m.Attribute.objects.bulk_create(
            m.Attribute(
                link_id=s.id,
                link_entity="service",
                taxonomy_term_id=term_id(WHAT[(start + j) % len(WHAT)][2]),
            )
            for j, s in enumerate(services)
        )
        m.Schedule.objects.bulk_create(
            m.Schedule(service=s, byday="MO,TU,WE,TH,FR", opens_at="09:00", closes_at="17:00")
            for s in services[::3]
        )
        print(f"seeded {start + 5000} services", flush=True)
    from soc.directory import vocabulary

    vocabulary.rebuild()  # bulk_create bypasses save(): what an import would have added


def one_search(kwargs):
    from soc.directory.search import search_services
    from soc.directory.service_facts import facts

    started = time.perf_counter()
    page = search_services(**kwargs)
    [facts(s) for s in page.object_list]
    return (time.perf_counter() - started) * 1000


def p95(times):
    return statistics.quantiles(times, n=20)[-1]


def single(rounds):
    for kwargs in SEARCHES:  # warm the caches and connection
        one_search(kwargs)
    return [one_search(SEARCHES[i % len(SEARCHES)]) for i in range(rounds)]


def _searches_of(n, rounds, threads):
    return [SEARCHES[(n + i) % len(SEARCHES)] for i in range(rounds // threads)]


def _process_worker(n, rounds, workers, start, results):
    from django.db import connection

    one_search(SEARCHES[n % len(SEARCHES)])  # connect and warm up before the clock starts
    start.wait()
    results.put([one_search(kwargs) for kwargs in _searches_of(n, rounds, workers)])
    connection.close()


def in_processes(rounds, workers=16):
    """16 connections, each in its own process (forked after Django is set up)."""
    from django.db import connections

    connections.close_all()  # a forked child must not share the parent's connection
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(workers), context.Queue()
    pool = [
        context.Process(target=_process_worker, args=(n, rounds, workers, start, results))
        for n in range(workers)
    ]
    for p in pool:
        p.start()
    times = [t for _ in pool for t in results.get()]
    for p in pool:
        p.join()
    return times


def in_threads(rounds, threads=16):
    """16 connections from 16 threads of this process."""
    from django.db import connection

    times, lock = [], threading.Lock()
    start = threading.Barrier(threads)

    def worker(n):
        one_search(SEARCHES[n % len(SEARCHES)])
        start.wait()
        mine = [one_search(kwargs) for kwargs in _searches_of(n, rounds, threads)]
        connection.close()
        with lock:
            times.extend(mine)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return times


def each_search():
    """(median ms, search) of every search, slowest first."""
    medians = [(statistics.median(one_search(kw) for _ in range(5)), kw) for kw in SEARCHES]
    return sorted(medians, key=lambda m: -m[0])


def explain(kwargs):
    """EXPLAIN ANALYZE of the slowest query one search sends, and all its queries' times."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    one_search(kwargs)
    with CaptureQueriesContext(connection) as queries:
        one_search(kwargs)
    timed = [(float(q["time"]) * 1000, q["sql"]) for q in queries.captured_queries]
    print(
        f"\n=== {kwargs}: {len(timed)} queries, " + ", ".join(f"{t:.1f}" for t, _ in timed) + " ms"
    )
    slowest = max(timed)[1]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest)
        # Sort keys repeat the distance expression five times: the plan's shape is what matters.
        print("\n".join(_cut(row[0]) for row in cursor.fetchall()))


def _cut(line, width=220):
    return line if len(line) <= width else line[: width - 3] + "..."


def report(label, times, target):
    print(
        f"{label}: {len(times)} searches, p50 {statistics.median(times):.1f} ms, "
        f"p95 {p95(times):.1f} ms (target {target} ms)",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--explain", type=int, default=3, help="how many of the slowest searches")
    args = parser.parse_args()
    create_postgres_database(DATABASE_URL)
    setup()
    seed()
    vacuum_analyze(DATABASE_URL)  # as autovacuum would have; index-only scans need it
    report("single user", single(args.rounds), 50)
    report("16 connections, 16 processes", in_processes(args.rounds * 2), 150)
    report("16 connections, 16 threads of one process", in_threads(args.rounds * 2), 150)
    medians = each_search()
    for median, kwargs in medians:
        print(f"  {kwargs}: {median:.1f} ms")
    for _median, kwargs in medians[: args.explain]:
        explain(kwargs)


if __name__ == "__main__":
    main()
