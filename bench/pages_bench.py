"""Time the busiest pages and endpoints against a seeded database (not a test).

    .venv/bin/python bench/seed_bench.py --families 20000 --keep   # prints the database path
    DATABASE_URL=sqlite:////tmp/soc-bench.sqlite3 .venv/bin/python bench/pages_bench.py

For each door it prints the median and 95th percentile of N requests as the demo care
coordinator (who is on several teams), and the number of SQL queries per request.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from soc.accounts.models import User  # noqa: E402
from soc.families.models import Family  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "30"))


def main():
    user = User.objects.get(email="coordinator@example.org")
    family = Family.objects.visible_to(user).first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    doors = {
        "home": "/",
        "team page": f"/families/{family.pk}/",
        "who has looked": f"/families/{family.pk}/who-looked/",
        "search": "/search/?q=plan",
        "api families": "/api/v1/families",
        "api meetings": f"/api/v1/families/{family.pk}/meetings",
    }
    print(f"{'door':<16} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in doors.items():
        times = []
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        p95 = sorted(times)[int(len(times) * 0.95) - 1]
        print(
            f"{name:<16} {statistics.median(times):>10.1f} {p95:>8.1f} {len(ctx.captured_queries):>8}"
        )


if __name__ == "__main__":
    main()
