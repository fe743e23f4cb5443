"""How fast `soc directory import` loads a large HSDS CSV package on PostgreSQL (by hand; not a test).

    SERVICES=50000 .venv/bin/python bench/directory_import_bench.py

It writes a CSV package with SERVICES services (default 50,000), each with a service at a
location, a phone, a language, a service area and a needs-taxonomy attribute, one organization
with a location and address per 10 services; (re)creates a scratch database (`bench_directory`,
BENCH_DATABASE_URL to change it), migrates it, then times a first import (everything new) and
a second (everything unchanged). The goal is 50,000 services in 60 s or less.
"""

import csv
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import create_postgres_database, soc  # noqa: E402

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_directory"
)
SERVICES = int(os.environ.get("SERVICES", "50000"))
PER_ORGANIZATION = 10
NAMESPACE = uuid.UUID("00000000-0000-4000-8000-0000000b0e5c")
NEEDS = uuid.UUID("5e2b8a64-3f0c-4d39-9d0a-50c0c0a7e000")
TERMS = ["parenting-support", "mental-health-counseling", "food", "housing", "crisis"]
COUNTIES = ["Wake", "Durham", "Mecklenburg", "Guilford", "Buncombe"]


def uid(kind, n):
    return str(uuid.uuid5(NAMESPACE, f"{kind}-{n}"))


def write(folder, name, header, rows):
    with (folder / name).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def generate(folder, services):
    organizations = range(services // PER_ORGANIZATION + 1)
    write(
        folder,
        "organizations.csv",
        ["id", "name", "description"],
        ([uid("org", o), f"Provider {o}", "A community provider."] for o in organizations),
    )
    write(
        folder,
        "locations.csv",
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
    )
    write(
        folder,
        "addresses.csv",
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
    )
    write(
        folder,
        "services.csv",
        [
            "id",
            "organization_id",
            "name",
            "description",
            "status",
            "minimum_age",
            "maximum_age",
            "assured_date",
        ],
        (
            [
                uid("svc", s),
                uid("org", s // PER_ORGANIZATION),
                f"Service {s}",
                f"Help number {s} for families",
                "active",
                0,
                17,
                "2026-01-15",
            ]
            for s in range(services)
        ),
    )
    write(
        folder,
        "service_at_location.csv",
        ["id", "service_id", "location_id"],
        (
            [uid("sal", s), uid("svc", s), uid("loc", s // PER_ORGANIZATION)]
            for s in range(services)
        ),
    )
    write(
        folder,
        "phones.csv",
        ["id", "service_id", "number"],
        ([uid("tel", s), uid("svc", s), f"919-555-{s % 10000:04d}"] for s in range(services)),
    )
    write(
        folder,
        "languages.csv",
        ["id", "service_id", "name", "code"],
        (
            [
                uid("lang", s),
                uid("svc", s),
                "Spanish" if s % 3 else "English",
                "es" if s % 3 else "en",
            ]
            for s in range(services)
        ),
    )
    write(
        folder,
        "service_areas.csv",
        ["id", "service_id", "name"],
        ([uid("area", s), uid("svc", s), f"{COUNTIES[s % 5]} County"] for s in range(services)),
    )
    write(
        folder,
        "attributes.csv",
        ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"],
        (
            [uid("attr", s), uid("svc", s), str(uuid.uuid5(NEEDS, TERMS[s % 5])), "need", "service"]
            for s in range(services)
        ),
    )


def timed(arguments):
    started = time.monotonic()
    soc(arguments, DATABASE_URL, capture_output=True)
    return time.monotonic() - started


def recreate_database():
    import psycopg

    base, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    create_postgres_database(DATABASE_URL)


def main():
    recreate_database()
    soc(["migrate", "-v0"], DATABASE_URL)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, SERVICES)
        rows = sum(p.read_text().count("\n") - 1 for p in folder.glob("*.csv"))
        first = timed(["directory", "-v0", "import", str(folder)])
        second = timed(["directory", "-v0", "import", str(folder)])
        # The fixed cost of any run (Python, Django, system checks): one tiny file.
        tiny = folder / "tiny"
        tiny.mkdir()
        generate(tiny, 1)
        startup = timed(["directory", "-v0", "import", str(tiny)])
    per_service = (first - startup) / SERVICES
    print(f"{SERVICES:,} services, {rows:,} rows in all")
    print(f"first import (all new):        {first:6.1f} s")
    print(f"second import (all unchanged): {second:6.1f} s")
    print(f"fixed cost of a run:           {startup:6.1f} s")
    print(f"50,000 services, extrapolated: {startup + per_service * 50_000:6.1f} s (goal 60 s)")


if __name__ == "__main__":
    main()
