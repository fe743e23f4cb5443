"""Playwright driving Debian's Chromium against pytest-django's live server, with axe-core.

One Chromium serves a whole run of consecutive browser tests. Playwright's sync API keeps
an asyncio loop marked as running in this thread while it is alive, which Django's ORM
refuses (SynchronousOnlyOperation) and which would also break any later test in the same
process that starts a loop of its own. So Chromium is started on first use, the ORM is
allowed to run beside it (DJANGO_ALLOW_ASYNC_UNSAFE) only while it runs, and both end
as soon as the next test is not a browser test.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE = {"width": 360, "height": 800}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


class _Chromium:
    """Starts Playwright and Chromium on first use; stop() ends both and tidies up."""

    def __init__(self):
        self._playwright = None
        self._browser = None
        self._saved_env = None

    def get(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._saved_env = os.environ.get(ASYNC_UNSAFE)
            os.environ[ASYNC_UNSAFE] = "true"
            try:
                self._browser = self._playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
            except BaseException:
                self.stop()
                raise
        return self._browser

    def stop(self):
        if self._playwright is None:
            return
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            self._browser = None
            self._playwright.stop()
            self._playwright = None
            if self._saved_env is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self._saved_env


_chromium = _Chromium()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # trylast: after the test's own fixtures (pages, live server data) are torn down.
    if nextitem is None or "browser" not in nextitem.keywords:
        _chromium.stop()


@pytest.fixture(scope="session")
def chromium():
    """The session's Chromium controller (see the module docstring)."""
    yield _chromium
    _chromium.stop()


@pytest.fixture
def browser(chromium):
    """The Chromium shared by consecutive browser tests (started if need be)."""
    return chromium.get()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def phone(browser, live_server):
    """A 360 px wide page, with the site's Content-Security-Policy in force.

    Collects what would otherwise go unnoticed: script errors, console errors (a CSP
    violation is reported there) and failed requests.
    """
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on("console", lambda msg: _console(page, msg))
    page.on("response", lambda response: _response(page, response))
    page.on(
        "requestfailed",
        lambda request: page.problems.append(f"request failed: {request.url} {request.failure}"),
    )
    yield page
    context.close()


def _response(page, response):
    # A page may answer 404 (the tests check that); what it loads may not.
    request = response.request
    if response.status >= 400 and not (
        request.is_navigation_request() or request.url.endswith("/favicon.ico")
    ):
        page.problems.append(f"{request.method} {request.url} answered {response.status}")


def _console(page, msg):
    if msg.type != "error":
        return
    url = msg.location.get("url", "")
    # Chromium logs a 404 as an error: for the page itself (the tests check statuses) and
    # for /favicon.ico, which it asks for on its own (the site has none).
    if "status of 404" in msg.text and (url == page.url or url.endswith("/favicon.ico")):
        return
    page.problems.append(f"console {msg.type}: {msg.text} ({url})")


def check_page(page, name, artifacts, *, lang=None):
    """What every page must pass: axe (WCAG 2.1 A/AA), no sideways scrolling at 360 px,
    its stylesheets loaded, no script or CSP errors. Saves a full-page screenshot."""
    page.wait_for_load_state("load")
    page.screenshot(path=str(artifacts / f"{name}-360.png"), full_page=True)
    if lang is not None:
        assert page.locator("html").get_attribute("lang") == lang, name
    assert not page.problems, f"{name}: {page.problems}"
    sheets = page.evaluate(
        """() => [...document.querySelectorAll('link[rel=stylesheet]')].map(link => {
            let rules = -1;
            try { rules = link.sheet ? link.sheet.cssRules.length : -1; } catch (e) {}
            return [link.href, rules];
        })"""
    )
    assert all(rules > 0 for _href, rules in sheets), f"{name}: stylesheets not loaded {sheets}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"{name}: scrolls sideways at 360 px ({width} px wide)"
    assert_accessible(page, name)


def assert_accessible(page, name):
    """Run axe-core in the page; fail on any serious or critical WCAG 2.1 A/AA violation.

    The CSP forbids inline scripts, so axe is not added as a <script>: it is evaluated
    through the DevTools protocol, which the page's CSP does not govern.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    minor = [v for v in result["violations"] if v not in bad]
    if minor:
        print(f"{name}: axe minor/moderate:", _describe(minor))
    assert not bad, f"{name}: axe found {len(bad)} serious/critical violations:\n" + _describe(bad)


def _describe(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} {v['helpUrl']}\n"
        + "\n".join(
            f"    {node['target']}: {node.get('failureSummary', '')}" for node in v["nodes"]
        )
        for v in violations
    )
