"""How fast the audit log writes and verifies on PostgreSQL (run by hand; not a test).

    .venv/bin/python bench/audit_bench.py

It (re)creates a scratch database (`bench_audit` by default, BENCH_DATABASE_URL to change it)
and, in one run:
1. writes for SECONDS with 4 processes at once, ROUNDS times, first plain single-row INSERT + COMMIT into a
   scratch table, then audit events through `record()`, each process for its own families;
   prints both rates and their ratio (the old single-lock log measured 0.16);
2. bulk-loads VERIFY_EVENTS valid chained events (1,000,000 by default) and times
   `verify_chain()` over all of them in one process, then `verify_all()` with one process per
   core (what `soc audit verify` runs), then one family.
"""

import multiprocessing
import os
import statistics
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_audit"
)
PROCESSES = int(os.environ.get("PROCESSES", "4"))
SECONDS = float(os.environ.get("SECONDS", "5"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
VERIFY_EVENTS = int(os.environ.get("VERIFY_EVENTS", "1000000"))
FAMILIES = 20_000  # in the bulk-loaded log; one chain each, plus a few actor chains


def _setup():
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
    sys.path.insert(0, REPO)
    import django

    django.setup()


def _recreate_database():
    import psycopg

    base, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def _writer(mode, worker, start, stop, counts):
    _setup()
    from django.db import connection, transaction

    from soc.audit.log import record

    connection.ensure_connection()
    first_family = 1_000_000 + worker * 1000
    written = 0
    start.wait()
    while not stop.is_set():
        family = first_family + written % 500
        if mode == "plain":
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO bench_plain (at, family_id, action) VALUES (now(), %s, %s)",
                    [family, "family.view"],
                )
        else:
            record(None, "family.view", ("families.family", str(family)), family_id=family)
        written += 1
    counts[worker] = written


def _rate(mode):
    context = multiprocessing.get_context("spawn")
    start, stop = context.Barrier(PROCESSES + 1), context.Event()
    counts = context.Array("q", PROCESSES)
    workers = [
        context.Process(target=_writer, args=(mode, w, start, stop, counts))
        for w in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    start.wait()  # every process has started Django and connected
    began = time.perf_counter()
    time.sleep(SECONDS)
    stop.set()
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    return sum(counts) / elapsed


def _bulk_load(n):
    """n valid events over FAMILIES family chains and 50 actor chains, through COPY."""
    import json
    from datetime import UTC, datetime, timedelta

    from django.db import connection

    from soc.audit.models import GENESIS_HASH, HASHED_FIELDS, chain_for, hash_of
    from soc.audit.schema import install_triggers, remove_triggers

    remove_triggers(connection)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent RESTART IDENTITY")
    install_triggers(connection)
    heads = {}
    at = datetime(2026, 1, 1, tzinfo=UTC)
    columns = ", ".join(["hash", *HASHED_FIELDS])
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY audit_auditevent ({columns}) FROM STDIN") as copy:
            for i in range(n):
                if i % 20 == 19:
                    family, actor = None, 1 + i % 50
                else:
                    family, actor = 1 + (i * 7919) % FAMILIES, 1 + i % 3000
                chain = chain_for(family, actor)
                seq, prev = heads.get(chain, (0, GENESIS_HASH))
                row = [
                    chain,
                    seq + 1,
                    at + timedelta(microseconds=i * 1500),
                    actor,
                    f"Person {actor}",
                    "Wake County Human Services",
                    "meeting.view" if family else "family.list",
                    "read",
                    "teams.meeting",
                    str(i),
                    family,
                    "",
                    "10.0.0.1",
                    {"emergency": True} if i % 97 == 0 else {},
                    prev,
                ]
                digest = hash_of(row)
                heads[chain] = (seq + 1, digest)
                row[13] = json.dumps(row[13])
                copy.write_row([digest, *row])
        cursor.execute("ANALYZE audit_auditevent")
    return len(heads)


def main():
    _recreate_database()
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from soc.audit.log import verify_chain
    from soc.audit.parallel import verify_all

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_plain (id bigserial PRIMARY KEY, at timestamptz NOT NULL, "
            "family_id bigint, action varchar(60) NOT NULL)"
        )
    print(f"{PROCESSES} processes, {SECONDS:.0f} s each, {os.cpu_count()} CPUs, {DATABASE_URL}")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    name = DATABASE_URL.rsplit("/", 1)[1]
    for setting in ("on", "off"):
        # "on" waits for the disk at each commit, as production does; "off" takes the disk
        # out, so what is left is the round trips and the work of each write.
        with connection.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = {setting}')
        connection.close()
        # Rounds alternate, so a neighbour's load on the machine falls on both alike.
        rounds = [(_rate("plain"), _rate("audit")) for _ in range(ROUNDS)]
        print(f"synchronous_commit={setting}:")
        for plain, audit in rounds:
            print(f"  plain {plain:6.0f} rows/s, audit {audit:6.0f} events/s: {audit / plain:.2f}")
        plain = statistics.median(p for p, _a in rounds)
        audit = statistics.median(a for _p, a in rounds)
        ratio = statistics.median(a / p for p, a in rounds)
        print(f"  median: plain INSERT+COMMIT {plain:.0f} rows/s, audit record() {audit:.0f}/s")
        print(f"  median ratio audit / plain: {ratio:.2f}   (target >= 0.4; old design 0.16)")
    result = verify_chain()
    assert result.bad is None, result
    print(f"the {result.checked} events just written verify ({result.chains} chains)")

    began = time.perf_counter()
    chains = _bulk_load(VERIFY_EVENTS)
    print(
        f"bulk-loaded {VERIFY_EVENTS} events in {chains} chains: {time.perf_counter() - began:.1f} s"
    )
    began, cpu = time.perf_counter(), time.process_time()
    result = verify_chain()
    took, cpu = time.perf_counter() - began, time.process_time() - cpu
    assert result.bad is None and result.checked == VERIFY_EVENTS, result
    print(f"verify all, 1 process: {took:8.1f} s for {result.checked} events")
    print(f"  of which this process's CPU: {cpu:.1f} s (the rest is the database and waiting)")
    jobs = os.cpu_count()
    began = time.perf_counter()
    result = verify_all(jobs)  # what `soc audit verify` does
    took = time.perf_counter() - began
    assert result.bad is None and result.checked == VERIFY_EVENTS, result
    print(
        f"verify all, {jobs} processes: {took:6.1f} s for {result.checked} events (limit 30 s; "
        "soc audit verify)"
    )
    began = time.perf_counter()
    result = verify_chain(family_id=1)
    print(
        f"verify --family 1:     {time.perf_counter() - began:8.3f} s for {result.checked} events"
    )


if __name__ == "__main__":
    main()
