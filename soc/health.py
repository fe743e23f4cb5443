"""Health endpoints for load balancers, orchestrators and benchmarks.

`/health/live`: the process answers. It touches no database, session, user or audit log, so
it stays cheap and says nothing about anything else.
`/health/ready`: this instance can serve: the database answers and every migration on disk
is applied. 200 with a small JSON body, or 503 with what is wrong (never error details).
Neither shows case data, so neither needs a sign-in.

`HealthCheckMiddleware`, first in MIDDLEWARE, answers both paths before any other middleware
runs: a request that carries a session cookie would otherwise load the session and the user
(and save the session) on the way in, and production's HTTPS redirect would answer a plain-HTTP
probe from the load balancer with a redirect. The URL patterns in soc/urls.py name the same
views for reverse() and the access matrix.
"""

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _answer(body, status=200):
    response = JsonResponse(body, status=status)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_safe
def live(request):
    return _answer({"status": "ok"})


def unapplied_migrations():
    """How many migrations on disk are not applied to the default database."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


@never_cache
@require_safe
def ready(request):
    try:
        if not database_answers():
            raise DatabaseError("SELECT 1 gave another answer")
    except DatabaseError:
        logger.exception("health: the database does not answer")
        return _answer({"status": "unavailable", "database": "error"}, status=503)
    try:
        missing = unapplied_migrations()
    except DatabaseError:
        logger.exception("health: cannot read the applied migrations")
        return _answer({"status": "unavailable", "database": "error"}, status=503)
    if missing:
        body = {"status": "unavailable", "database": "ok", "unapplied_migrations": missing}
        return _answer(body, status=503)
    return _answer({"status": "ok", "database": "ok", "unapplied_migrations": 0})


class HealthCheckMiddleware:
    """Answers /health/live and /health/ready before sessions, users, CSRF and redirects."""

    PATHS = {"/health/live": live, "/health/ready": ready}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.PATHS.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)
