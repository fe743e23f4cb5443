"""A journey through a real HTTP server (runserver's request handler, which logs every request
line) leaves no demo person's name, birth date, e-mail or phone in the server output, search
terms included: query strings are dropped from request lines (soc/access_log.py)."""

import http.cookiejar
import logging
import re
import urllib.parse
import urllib.request
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIRequestHandler
from django.db import connections
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from soc.access_log import without_query
from soc.accounts.models import User
from soc.demo.generator import PASSWORD
from soc.families.models import Family, Person
from soc.teams.models import Membership


class LoggingServerThread(LiveServerThread):
    """The test server, but with the request handler runserver uses (it logs each request)."""

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            WSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


def test_request_lines_lose_their_query_strings():
    line = "GET /search/?q=Sof%C3%ADa+Rivera&page=2 HTTP/1.1"
    assert without_query(line) == "GET /search/?… HTTP/1.1"


@pytest.fixture
def server(transactional_db, django_db_blocker):
    """The app behind a real HTTP server in a thread, sharing the test database."""
    with django_db_blocker.unblock():
        yield from _serve()


def _serve():
    overrides = {
        c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()
    }
    for connection in overrides.values():
        connection.inc_thread_sharing()  # the in-memory SQLite database lives in this thread
    thread = LoggingServerThread("localhost", _StaticFilesHandler, overrides)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()
    for connection in overrides.values():
        connection.dec_thread_sharing()


class Visitor:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path, **params):
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        try:
            return self.opener.open(url, timeout=30).read().decode()
        except urllib.error.HTTPError as error:
            return error.read().decode()

    def sign_in(self, email):
        self.get("/sign-in/")
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode(
            {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 (our own test server)
            self.base + "/sign-in/", data=body, headers={"Referer": self.base}
        )
        self.opener.open(request, timeout=30).read()


@pytest.fixture
def server_output():
    output = StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    loggers = [logging.getLogger(), logging.getLogger("django.server")]
    for logger in loggers:
        logger.addHandler(handler)
    yield output
    for logger in loggers:
        logger.removeHandler(handler)


def _personal_data():
    values = set()
    for user in User.objects.all():
        values |= {user.email, user.full_name, user.phone}
    for person in Person.objects.all():
        values |= {person.full_name, person.first_name, person.email, person.phone}
        if person.date_of_birth:
            born = person.date_of_birth
            values |= {born.isoformat(), born.strftime("%m/%d/%Y")}
    for member in Membership.objects.all():
        values |= {member.name, member.email, member.phone}
    values |= set(Family.objects.values_list("display_name", flat=True))
    values = {v for v in values if v and len(v) > 3}
    # As they would appear in a request line, too.
    return values | {urllib.parse.quote_plus(v) for v in values}


@pytest.mark.django_db(transaction=True)
def test_journey_output_holds_no_personal_data_not_even_search_terms(server, server_output):
    call_command("seed", "--demo", "--families", "3", stdout=StringIO())
    maria = User.objects.get(email="maria.rivera@example.org")
    family = Family.objects.visible_to(maria).get()
    child = family.people.filter(role__in=Person.CHILD_ROLES).first()
    phone = next(p.phone for p in family.people.all() if p.phone)
    visitor = Visitor(server)
    visitor.sign_in("coordinator@example.org")
    visitor.get("/")
    visitor.get(f"/families/{family.pk}/")
    for term in (child.full_name, child.first_name, family.display_name, phone):
        page = visitor.get("/search/", q=term)
        assert family.display_name in page, "the search should find the family"
    visitor.get("/search/", q=maria.email)
    visitor.get(f"/families/{family.pk}/who-looked/")
    visitor.get("/families/999999/")  # a 404
    visitor.get("/api/v1/families/")
    Visitor(server).sign_in("outsider@example.org")
    logged = server_output.getvalue()
    assert re.search(r"GET /search/\?… HTTP", logged), "the server should log request lines"
    leaked = sorted(v for v in _personal_data() if v in logged)
    assert leaked == []
