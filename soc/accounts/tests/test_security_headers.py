import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_carry_a_csp_without_inline_scripts_and_no_framing(client):
    response = client.get(reverse("login"))
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "'none'" in directives["frame-ancestors"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_rendered_pages_have_no_inline_scripts(client, cast):
    client.force_login(cast.caregiver)
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    for tag in page.split("<script")[1:]:
        assert tag.split(">", 1)[0].strip().startswith("src="), tag[:80]


def test_session_and_csrf_cookies_are_httponly_and_samesite(client, cast, settings):
    client.post(reverse("login"), {"username": cast.caregiver.email, "password": "Correct-Horse-9"})
    session = client.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_server_error_page_shows_no_details(client, settings):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Traceback" not in page and "Something went wrong" in page
