"""Throughput of the busiest doors at 1,000 and 100,000 families, on PostgreSQL (not a test).

    .venv/bin/python bench/run_bench.py                       # seeds on the first run
    .venv/bin/python bench/run_bench.py --duration 20 --user coordinator@example.org

For each size it creates (or reuses, when it holds exactly that seeding) a PostgreSQL database,
serves it with gunicorn (2 sync workers, soc.wsgi, DEBUG off, no second factor, e-mail and
background work dropped), signs the chosen staff user in with a session cookie and drives every
door with wrk (16 connections, a fixed duration). It prints requests per second, p50 and p99,
each door's throughput relative to /health/live measured on the same server in the same run,
and per door the ratio 100k/1k (the target is at least 0.67: cost follows the user's own teams,
not the size of the database). Every response must be a 200; the run fails otherwise.

/health/live answers before any middleware, so it is the server's ceiling, not Django's. For
scale the same server also serves two reference views (bench/calibration.py): a no-database
JSON view through the whole middleware stack, and a signed-in read of one row; each door's
throughput is shown relative to all three, and the targets are checked against /health/live.

The default user is the staff member on the most teams in each database; --user picks one.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PYTHON, ROOT, SERVER_ENV, ensure_seeded  # noqa: E402

LUA = Path(__file__).resolve().parent / "wrk_report.lua"
TARGET = 0.67
REFERENCES = ("health live", "plain Django view", "signed-in 1 row")
# The targets for each door's throughput relative to /health/live, from the issue.
LIVE_TARGETS = {
    "family detail API": 0.10,
    "family list API": 0.05,
    "home page": 0.03,
    "team page": 0.03,
    "search": 0.03,
}
P99_TARGET_MS = 300
DOORS = [  # (label, path template)
    ("health live", "/health/live"),
    # Not doors of the app: what plain Django costs here, for scale (bench/calibration.py).
    ("plain Django view", "/bench/plain"),
    ("signed-in 1 row", "/bench/one-row?id={family}"),
    ("family detail API", "/api/v1/families/{family}"),
    ("family list API", "/api/v1/families"),
    ("home page", "/"),
    ("team page", "/families/{family}/"),
    ("search", "/search/?q={query}"),
]


def prepare(email):
    """In a subprocess with DATABASE_URL set: the user, a family of theirs, a session."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
    import django

    django.setup()
    from bench.common import signed_in_session, staff_user
    from soc.families.models import Family, Person

    user = staff_user(email)
    if user is None:
        sys.exit("No staff user in this database.")
    families = Family.objects.visible_to(user).order_by("id")
    family = families.first()
    if family is None:
        sys.exit(f"{user.email} is on no team in this database: choose another --user.")
    last_name = (
        Person.objects.filter(family=family).exclude(last_name="").order_by("id")
    ).values_list("last_name", flat=True).first() or "plan"
    cookie, key = signed_in_session(user)
    print(
        json.dumps(
            {
                "email": user.email,
                "teams": families.count(),
                "family": family.pk,
                "query": last_name,
                "cookie": f"{cookie}={key}",
            }
        )
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a free port, for one database."""

    def __init__(self, database_url, workers):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            **SERVER_ENV,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "bench.calibration_settings",
        }
        command = [
            str(PYTHON), "-m", "gunicorn", "soc.wsgi", "--workers", str(workers),
            "--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}", "--timeout", "120",
            "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603  # nosec B603

    def wait(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("gunicorn exited before it was ready.")
            try:
                if fetch(self.base + "/health/ready")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit("gunicorn did not become ready.")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  # nosec B310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


urllib.request.install_opener(urllib.request.build_opener(NoRedirect))


def wrk(url, cookie, duration, connections, threads):
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s",
        "-s", str(LUA), url,
    ]  # fmt: skip
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603  # nosec B603
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def bench_database(label, database_url, families, args):
    seeding = ensure_seeded(database_url, families, seed=args.seed)
    if seeding:
        print(f"{label}: seeded {families:,} families in {seeding:.0f} s", file=sys.stderr)
    env = {**os.environ, **SERVER_ENV, "DATABASE_URL": database_url}
    probe = [str(PYTHON), str(Path(__file__).resolve()), "--prepare"]
    if args.user:
        probe += ["--user", args.user]
    out = subprocess.run(probe, env=env, cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: S603  # nosec B603
    who = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"{label}: {families:,} families; signed in as {who['email']} "
        f"({who['teams']} teams), family {who['family']}, search {who['query']!r}",
        file=sys.stderr,
    )
    server = Server(database_url, args.workers)
    results = {}
    try:
        server.wait()
        for door, template in DOORS:
            path = template.format(family=who["family"], query=urllib.parse.quote(who["query"]))
            # Probes and the plain view send no cookie.
            cookie = None if door in ("health live", "plain Django view") else who["cookie"]
            status, _ = fetch(server.base + path, cookie)  # warm up, and fail early
            if status != 200:
                sys.exit(f"{label} {door}: {path} answered {status}, not 200.")
            results[door] = wrk(
                server.base + path, cookie, args.duration, args.connections, args.threads
            )
            r = results[door]
            print(
                f"  {door:<18} {r['rps']:8.1f} req/s  p50 {r['p50_ms']:7.1f} ms  "
                f"p99 {r['p99_ms']:7.1f} ms  not 200: {r['not_200']}",
                file=sys.stderr,
            )
    finally:
        server.stop()
    return who, results


def report(sizes, runs):
    """The table, each door against the references, and every target met or not."""
    small, large = sizes
    width = 18
    cols = f"{'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'/live':>6} {'/plain':>6} {'/1row':>6}"
    header = f"{'door':<{width}}" + "".join(f" | {f'{n:,} families':^{len(cols)}}" for n in sizes)
    sub = f"{'':<{width}}" + "".join(f" | {cols}" for _ in sizes) + f" | {'100k/1k':>8}"
    print(header + f" | {'':>8}")
    print(sub)
    print("-" * len(sub))
    failures, missed = [], []
    for door, _ in DOORS:
        cells = []
        for size in sizes:
            run = runs[size]
            r = run[door]
            live, plain, row = (run[name]["rps"] for name in REFERENCES)
            cells.append(
                f"{r['rps']:8.1f} {r['p50_ms']:7.1f} {r['p99_ms']:7.1f} "
                f"{r['rps'] / live:6.3f} {r['rps'] / plain:6.3f} {r['rps'] / row:6.3f}"
            )
            if r["not_200"] or r["socket_errors"] or r["timeouts"] or not r["requests"]:
                failures.append(
                    f"{door} at {size:,}: {r['not_200']} not 200, "
                    f"{r['socket_errors']} socket errors, {r['timeouts']} timeouts"
                )
            if door in LIVE_TARGETS:
                if r["rps"] / live < LIVE_TARGETS[door]:
                    missed.append(
                        f"{door} at {size:,}: {r['rps'] / live:.3f} of /health/live "
                        f"(target {LIVE_TARGETS[door]})"
                    )
                if r["p99_ms"] > P99_TARGET_MS:
                    missed.append(
                        f"{door} at {size:,}: p99 {r['p99_ms']:.0f} ms (target {P99_TARGET_MS})"
                    )
        ratio = runs[large][door]["rps"] / runs[small][door]["rps"]
        if door in LIVE_TARGETS and ratio < TARGET:
            missed.append(f"{door}: 100k/1k {ratio:.2f} (target {TARGET})")
        print(f"{door:<{width}} | " + " | ".join(cells) + f" | {ratio:8.2f}")
    print()
    total = sum(r["requests"] for run in runs.values() for r in run.values())
    print("Targets not met:" if missed else "Every target met.")
    for line in missed:
        print(f"  {line}")
    if failures:
        print("NOT EVERY RESPONSE WAS A 200:")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print(f"All {total:,} responses were 200.")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--user", help="e-mail of the staff user (default: on the most teams)")
    parser.add_argument("--small", type=int, default=1_000, help="families in the small database")
    parser.add_argument("--large", type=int, default=100_000, help="families in the large one")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="server URL; the databases are bench_<families> on it",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per door")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.user)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")

    sizes = (args.small, args.large)
    runs, users = {}, {}
    for size in sizes:
        url = f"{args.postgres.rstrip('/')}/bench_{size}"
        users[size], runs[size] = bench_database(f"bench_{size}", url, size, args)
    print()
    for size in sizes:
        u = users[size]
        print(f"{size:>9,} families: {u['email']} on {u['teams']} teams (family {u['family']})")
    print(
        f"wrk: {args.connections} connections, {args.threads} threads, {args.duration} s per door; "
        f"gunicorn: {args.workers} sync workers\n"
    )
    return report(sizes, runs)


if __name__ == "__main__":
    sys.exit(main())
