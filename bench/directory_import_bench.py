"""How fast `soc directory import` loads a large directory on PostgreSQL (by hand; not a test).

    SERVICES=50000 .venv/bin/python bench/directory_import_bench.py

It writes an HSDS CSV package with SERVICES services (default 50,000), and for each service a
service at a location, a phone, a weekly schedule, a language, a service area (a county) and
two taxonomy attributes (a shipped need and a term of a taxonomy of its own); one organization
per 10 services, with a location, its address and a phone; the taxonomy and 100 terms.
It (re)creates a scratch database (`bench_directory`, BENCH_DATABASE_URL to change it),
migrates it, and times, each as one `soc directory import` run as a user starts it:

- the CSV package into an empty directory, then again (nothing changes: 0 new, 0 changed);
  between the two every service is given a capacity (HSDS 3.1's service_capacity and the
  Gravity status are ours, not in the package), which the second import must keep;
- the same directory exported as HSDS tabular JSON, into a new empty database, then again;
  an export of that database must equal the first export (export then import is the same
  directory);
- a package of one service: the fixed cost of any run (Python, Django, system checks).

The goal is each import of 50,000 services in 60 s or less (issue #13). SKIP_JSON=1 skips the
JSON half.
"""

import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, ROOT, SERVER_ENV, create_postgres_database, soc  # noqa: E402

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_directory"
)
SERVICES = int(os.environ.get("SERVICES", "50000"))
PER_ORGANIZATION = 10
TERMS = 100
NAMESPACE = uuid.UUID("00000000-0000-4000-8000-0000000b0e5c")
NEEDS = uuid.UUID("5e2b8a64-3f0c-4d39-9d0a-50c0c0a7e000")  # soc.directory.needs.NAMESPACE
NEED_CODES = ["parenting-support", "mental-health-counseling", "food", "housing", "crisis"]
COUNTIES = ["Wake", "Durham", "Mecklenburg", "Guilford", "Buncombe"]
LANGUAGES = [("English", "en"), ("Spanish", "es"), ("Vietnamese", "vi")]


def uid(kind, n):
    return str(uuid.uuid5(NAMESPACE, f"{kind}-{n}"))


def write(folder, name, header, rows):
    with (folder / name).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def generate(folder, services):
    """Write the CSV package; returns the number of records in it."""
    organizations = range(services // PER_ORGANIZATION + 1)
    svc = range(services)
    tables = {
        "organizations.csv": (
            ["id", "name", "description", "email", "website", "year_incorporated"],
            (
                [
                    uid("org", o),
                    f"Provider {o}",
                    "A community provider for children, youth and families.",
                    f"info{o}@example.org",
                    f"https://provider{o}.example.org",
                    1950 + o % 70,
                ]
                for o in organizations
            ),
        ),
        "locations.csv": (
            ["id", "location_type", "organization_id", "name", "latitude", "longitude"],
            (
                [
                    uid("loc", o),
                    "physical",
                    uid("org", o),
                    f"Office {o}",
                    35 + o % 100 / 100,
                    -79 + o % 50 / 50,
                ]
                for o in organizations
            ),
        ),
        "addresses.csv": (
            [
                "id",
                "location_id",
                "address_1",
                "city",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ],
            (
                [
                    uid("adr", o),
                    uid("loc", o),
                    f"{o} Main St",
                    "Raleigh",
                    "NC",
                    f"27{o % 1000:03d}",
                    "US",
                    "physical",
                ]
                for o in organizations
            ),
        ),
        "taxonomies.csv": (
            ["id", "name", "description", "uri", "version"],
            [[uid("tax", 0), "Bench services", "Kinds of service.", "https://example.org/t", "1"]],
        ),
        "taxonomy_terms.csv": (
            ["id", "code", "name", "description", "parent_id", "taxonomy_id", "language"],
            (
                [
                    uid("term", t),
                    f"bench-{t}",
                    f"Kind {t}",
                    f"Services of kind {t}.",
                    uid("term", t // 10) if t >= 10 else "",
                    uid("tax", 0),
                    "en",
                ]
                for t in range(TERMS)
            ),
        ),
        "services.csv": (
            [
                "id",
                "organization_id",
                "name",
                "description",
                "email",
                "status",
                "eligibility_description",
                "minimum_age",
                "maximum_age",
                "assured_date",
                "last_modified",
            ],
            (
                [
                    uid("svc", s),
                    uid("org", s // PER_ORGANIZATION),
                    f"Service {s}",
                    f"Help number {s} for families: parenting classes, counseling, clases en espanol",
                    f"service{s}@example.org",
                    "active" if s % 20 else "temporarily closed",
                    "Children and youth up to 17 and their families.",
                    0,
                    17,
                    "2026-01-15",
                    "2026-01-15T12:00:00Z",
                ]
                for s in svc
            ),
        ),
        "service_at_location.csv": (
            ["id", "service_id", "location_id"],
            ([uid("sal", s), uid("svc", s), uid("loc", s // PER_ORGANIZATION)] for s in svc),
        ),
        "phones.csv": (
            ["id", "service_id", "location_id", "number", "type"],
            [
                *(
                    [uid("tel", s), uid("svc", s), "", f"919-555-{s % 10000:04d}", "voice"]
                    for s in svc
                ),
                *(
                    [uid("otel", o), "", uid("loc", o), f"984-555-{o % 10000:04d}", "voice"]
                    for o in organizations
                ),
            ],
        ),
        "schedules.csv": (
            ["id", "service_at_location_id", "freq", "wkst", "byday", "opens_at", "closes_at"],
            (
                [uid("sch", s), uid("sal", s), "WEEKLY", "MO", "MO,TU,WE,TH,FR", "09:00", "17:00"]
                for s in svc
            ),
        ),
        "languages.csv": (
            ["id", "service_id", "name", "code"],
            ([uid("lang", s), uid("svc", s), *LANGUAGES[s % 3]] for s in svc),
        ),
        "service_areas.csv": (
            ["id", "service_id", "name"],
            ([uid("area", s), uid("svc", s), f"{COUNTIES[s % 5]} County"] for s in svc),
        ),
        "attributes.csv": (
            ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"],
            [
                *(
                    [
                        uid("need", s),
                        uid("svc", s),
                        uuid.uuid5(NEEDS, NEED_CODES[s % 5]),
                        "need",
                        "service",
                    ]
                    for s in svc
                ),
                *(
                    [uid("kind", s), uid("svc", s), uid("term", s % TERMS), "kind", "service"]
                    for s in svc
                ),
            ],
        ),
    }
    for name, (header, rows) in tables.items():
        write(folder, name, header, rows)
    return sum(p.read_text(encoding="utf-8").count("\n") - 1 for p in folder.glob("*.csv"))


GIVE_CAPACITY = """
from django.db import connection, transaction
from soc.directory.models import Service, ServiceCapacity
with transaction.atomic():
    Service.objects.update(capacity_status="waitlist")
    ServiceCapacity.objects.bulk_create(
        [ServiceCapacity(service_id=pk, unit="places", available=3, maximum=10)
         for pk in Service.objects.values_list("pk", flat=True)], batch_size=5000)
"""
COUNT_CAPACITY = """
from soc.directory.models import Service, ServiceCapacity
print(Service.objects.filter(capacity_status="waitlist").count(), ServiceCapacity.objects.count())
"""


def _cpu_seconds(pid):
    """User + system CPU seconds a process has used so far (Linux /proc), 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(arguments):
    """(wall seconds, CPU seconds of Python and of PostgreSQL, last line of output) of one run.

    The machine is shared, so wall time says as much about the others as about the import: the
    CPU time the command and its database backend spend is what an idle machine would take (a
    little less, as they overlap during COPY)."""
    import psycopg

    env = {**os.environ, **SERVER_ENV, "DATABASE_URL": DATABASE_URL}
    name = DATABASE_URL.rsplit("/", 1)[1]
    backends = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    child = subprocess.Popen(  # noqa: S603 - our own command
        [str(PYTHON), "-m", "soc", *arguments],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with psycopg.connect(DATABASE_URL, autocommit=True) as watcher:
        while child.poll() is None:
            pids = watcher.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            ).fetchall()
            for (pid,) in pids:
                backends[pid] = max(backends.get(pid, 0.0), _cpu_seconds(pid))
            time.sleep(0.1)
    wall = time.monotonic() - started
    out, err = child.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    python = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    if child.returncode:
        sys.exit(f"soc {' '.join(arguments)} failed:\n{err}")
    lines = out.strip().splitlines() or [""]
    return wall, python, sum(backends.values()), lines[-1]


def timed_import(label, path):
    wall, python, database, summary = run(["directory", "-v0", "import", str(path)])
    load = os.getloadavg()[0]
    print(
        f"{label:34s} {wall:6.1f} s   (CPU: Python {python:5.1f} s, PostgreSQL {database:5.1f} s; "
        f"load {load:.1f})   {summary}",
        flush=True,
    )
    return wall, summary


def recreate_database():
    import psycopg

    base, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    create_postgres_database(DATABASE_URL)
    soc(["migrate", "-v0"], DATABASE_URL)


def main():
    print(f"load average at the start: {os.getloadavg()[0]:.1f} (2 cores)", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "package"
        folder.mkdir()
        records = generate(folder, SERVICES)
        print(f"{SERVICES:,} services, {records:,} records in the CSV package", flush=True)
        recreate_database()
        results["csv first"] = timed_import("CSV, first import (all new):", folder)
        soc(["shell", "-c", GIVE_CAPACITY], DATABASE_URL)
        results["csv again"] = timed_import("CSV, second import (unchanged):", folder)
        assert results["csv again"][1].startswith("Imported: 0 new, 0 changed,")
        kept = run(["shell", "-c", COUNT_CAPACITY])[-1]
        assert kept == f"{SERVICES} {SERVICES}", f"capacity not kept: {kept}"
        if not os.environ.get("SKIP_JSON"):
            exported = Path(tmp) / "directory.json"
            seconds, *_ = run(["directory", "export", "--format", "json", str(exported)])
            print(f"{'JSON export:':34s} {seconds:6.1f} s", flush=True)
            recreate_database()
            results["json first"] = timed_import("JSON, first import (all new):", exported)
            results["json again"] = timed_import("JSON, second import (unchanged):", exported)
            assert results["json again"][1].startswith("Imported: 0 new, 0 changed,")
            again = Path(tmp) / "again.json"
            run(["directory", "export", "--format", "json", str(again)])
            assert again.read_bytes() == exported.read_bytes(), "export, import, export differ"
            print("export -> import -> export: the same directory", flush=True)
        tiny = Path(tmp) / "tiny"
        tiny.mkdir()
        generate(tiny, 1)
        startup, _ = timed_import("fixed cost of a run (1 service):", tiny)
    worst = max(seconds for seconds, _summary in results.values())
    verdict = "met" if worst <= 60 else "NOT met"
    print(f"slowest import of {SERVICES:,} services: {worst:.1f} s (goal 60 s: {verdict})")


if __name__ == "__main__":
    main()
