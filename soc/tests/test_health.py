"""`/health/live` touches nothing; `/health/ready` says whether the database can serve."""

import pytest
from django.db import OperationalError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import CaptureQueriesContext

from soc import health
from soc.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_live_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies  # no session, no CSRF cookie


def test_live_loads_no_session_or_user_even_when_signed_in(client, django_user_model):
    user = django_user_model.objects.create_user(email="probe@example.org", full_name="Probe")
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/health/live")
    assert response.status_code == 200
    assert captured.captured_queries == []


def test_probes_answer_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code == 200
    assert client.get("/").status_code == 301  # everything else still goes to HTTPS


def test_live_writes_no_audit_event(client):
    client.get("/health/live")
    assert not AuditEvent.objects.exists()


def test_live_and_ready_answer_only_get_and_head(client):
    assert client.head("/health/live").status_code == 200
    assert client.post("/health/live").status_code == 405
    assert client.post("/health/ready").status_code == 405


def test_ready_when_the_database_answers_and_is_migrated(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "unapplied_migrations": 0}


def test_not_ready_while_a_migration_is_not_applied(client):
    (latest,) = MigrationLoader(connection).graph.leaf_nodes("teams")
    MigrationRecorder(connection).record_unapplied(*latest)  # rolled back after the test
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["database"] == "ok"
    assert body["unapplied_migrations"] >= 1


def test_not_ready_when_migrations_are_missing(client, monkeypatch):
    monkeypatch.setattr(health, "unapplied_migrations", lambda: 3)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["unapplied_migrations"] == 3


def test_not_ready_when_the_database_does_not_answer(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "database_answers", refuse)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "error"}
    assert "refused" not in response.content.decode()  # no error details to the world
