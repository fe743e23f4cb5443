"""Time the plan PDF of a large plan: 30 goals, 12 versions, ratings at 6 meetings (not a test).

    DATABASE_URL=sqlite:////tmp/soc-plan-bench.sqlite3 .venv/bin/python -m soc migrate
    DATABASE_URL=sqlite:////tmp/soc-plan-bench.sqlite3 .venv/bin/python bench/plan_pdf_bench.py

After one untimed request (the process warms up: imports, templates, vl-convert's engine),
prints the median of ROUNDS renderings with the chart drawn anew each time (a plan printed for
the first time), the median with the chart cached (the same plan printed again), and the SQL
queries per request. The target is under 2 s.
"""

import os
import statistics
import sys
import time
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from soc import factories as f  # noqa: E402
from soc.plans import actions, charts  # noqa: E402
from soc.teams.models import Meeting, Membership  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "5"))


def build():
    facilitator = f.StaffFactory()
    family = f.FamilyFactory(opened_by=facilitator, primary_language="es")
    team = f.TeamFactory(family=family, started_by=facilitator)
    f.MembershipFactory(team=team, user=facilitator, role=Membership.Role.FACILITATOR)
    mom = f.MembershipFactory(team=team, user=f.UserFactory(), role=Membership.Role.CAREGIVER)
    for number in range(12):
        draft = actions.start_draft(facilitator, family)
        if number == 0:
            actions.add_part(
                facilitator, draft, "strength", {"about": "family", "description": "x"}
            )
        goals = draft.goals.count()
        for i in range(goals, min(30, goals + 10)):
            goal = actions.add_part(
                facilitator, draft, "goal", {"description": f"Goal {i}", "how_we_will_know": "x"}
            )
            actions.add_part(
                facilitator,
                draft,
                "strategy",
                {"goal": goal, "description": "s", "kind": "formal", "responsible": mom},
            )
        draft.refresh_from_db()
        draft = actions.propose_plan(facilitator, draft, seen_version=draft.version)
        actions.agree_to_plan(
            mom.user, draft, seen_version=draft.version, agrees=True, typed_name=mom.name
        )
    draft.refresh_from_db()
    for n in range(6):
        when = timezone.now() - timedelta(days=30 * (n + 1))
        meeting = Meeting.objects.create(
            team=team,
            family=family,
            called_by=facilitator,
            starts_at=when,
            ends_at=when + timedelta(hours=1),
        )
        for goal in draft.goals.all():
            actions.rate_progress(
                facilitator, meeting, goal, {"family_rating": n, "team_rating": n}
            )
    return facilitator, family, draft


def _median(client, url, fresh_chart):
    times = []
    for _ in range(ROUNDS):
        if fresh_chart and hasattr(charts, "_render"):
            charts._render.cache_clear()
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append(time.perf_counter() - started)
    return statistics.median(times), len(ctx.captured_queries)


def main():
    facilitator, family, version = build()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(facilitator)
    url = f"/families/{family.pk}/plan/versions/{version.pk}/plan.pdf"
    client.get(url)
    fresh, queries = _median(client, url, fresh_chart=True)
    cached, _ = _median(client, url, fresh_chart=False)
    print(
        f"plan PDF (30 goals, 12 versions): median {fresh:.2f} s with the chart drawn anew, "
        f"{cached:.2f} s with it cached, {queries} queries"
    )


if __name__ == "__main__":
    main()
