"""The interactive documentation works under the site's strict Content-Security-Policy."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from soc import factories as f


def test_docs_page_has_no_inline_script_and_its_assets_exist(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    page = response.content.decode()
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S):
        # A JSON data block is never executed, so the policy allows it; code must be a file.
        assert "src=" in attributes or 'type="application/json"' in attributes
        assert "src=" not in attributes or not body.strip()
    for asset in re.findall(r'(?:src|href)="/static/([^"]+)"', page):
        assert finders.find(asset), asset


def test_docs_page_sends_the_csrf_token_for_session_callers(client, db):
    client.force_login(f.UserFactory())
    page = client.get("/api/v1/docs").content.decode()
    assert re.search(r'data-csrf-token="[^"]+"', page)


def test_openapi_document_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.json()["openapi"] == "3.1.0"


@pytest.mark.browser
def test_swagger_ui_runs_under_the_policy_and_calls_the_api(live_server, client):
    from playwright.sync_api import sync_playwright

    user = f.StaffFactory(full_name="Dora Docs")
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        context = browser.new_context()
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(live_server.url + "/api/v1/docs")
        page.wait_for_selector(".opblock")
        page.click("#operations-me-me .opblock-summary")
        page.click("#operations-me-me .try-out__btn")
        page.click("#operations-me-me .execute")
        page.wait_for_selector("#operations-me-me .response .highlight-code")
        shown = page.inner_text("#operations-me-me .live-responses-table")
        browser.close()
    assert "Dora Docs" in shown
    assert problems == []
