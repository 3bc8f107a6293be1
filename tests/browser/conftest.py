"""Fixtures for browser tests: the system Chromium, driven by Playwright, against the live server.

Everything under tests/browser is marked `browser` (deselect with `-m "not browser"`), runs
after the rest of the suite, and runs on a transactional test database, since the live
server reads what the test writes.
The suite's organizations (org_a, org_b) come back with the serialized rollback after each
test's flush, as tests/conftest.py seeded them.

    def test_visitor_sees_the_name(page, site_url, org_a, third_party_requests):
        page.goto(site_url(org_a, "/pl/"))
        expect(page.locator(".brand-name")).to_have_text("Fundacja Alfa")
        assert third_party_requests == []

Fixtures:

- `chromium` (session): the headless system Chromium (env CHROMIUM, default /usr/bin/chromium).
- `new_page(**context_options)`: a page in a fresh browser context, for a viewport, a
  device scale factor or a locale of its own; requests that leave the live server are
  aborted and recorded in `third_party_requests`.
- `page`: `new_page()` with the defaults (1280×800, Polish browser).
- `third_party_requests`: the URLs the test's pages tried to load from anywhere but the
  live server; a test asserts it is empty to prove nothing came from a third party.
- `site_url(org, path="/")`: `http://<the organization's hostname>:<live server port><path>`.
- `axe(page, context=None)`: axe-core's serious and critical violations on the page, each
  summarised as {"id", "impact", "help", "targets"}; assert it is empty.
"""

import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.servers.basehttp import ServerHandler

from tests.browser.helpers import CHROMIUM_ARGS

DEFAULT_CONTEXT = {"viewport": {"width": 1280, "height": 800}, "locale": "pl-PL"}
BROWSER_TESTS = Path(__file__).parent
SERIOUS_IMPACTS = {"serious", "critical"}


def is_browser_test(item):
    return item.path.is_relative_to(BROWSER_TESTS)


def pytest_itemcollected(item):
    if is_browser_test(item):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # Browser tests run last: once Playwright has started, the main thread looks like
    # async code to Django and asyncio until the end of the session (see `chromium`).
    # Under pytest-xdist (`make test`), `--dist loadgroup` keeps this order within each worker.
    # The long ones (a whole flow, ~40 s) start first among them, so that no worker is left
    # running one alone at the end while the other waits.
    items[:] = sorted(
        items, key=lambda item: (is_browser_test(item), not item.get_closest_marker("long"))
    )


class LiveServerGate:
    """Lets the live server answer one request at a time, and none between two tests.

    The live server answers each request in a thread of its own, and on SQLite all of them
    share the test's single in-memory connection, hence its transactions. The admin sends
    requests of its own while an editor works (autosave, editing-session pings); one that
    fails or rolls back would take a concurrent chooser's or publish's writes with it. So
    requests take turns, from parsing to the last byte written and the request_finished
    signal (which touches the connection too).

    Between two tests the main thread holds the gate: a request still running when a test
    ends is waited for before the flush, and one that arrives later (a browser tab closing)
    is answered 503 without touching the database, since the test it belonged to is over.
    In production each request has a connection of its own and none of this applies.
    """

    WAIT_SECONDS = 60

    def __init__(self):
        self.lock = threading.Lock()
        self.test = 0
        self.held = False

    def run(self, run, handler, application):
        arrived_in = self.test
        with self.lock:
            if arrived_in != self.test:
                return run(handler, test_is_over)
            return run(handler, application)

    def close(self):
        """Wait for the request in progress, then keep the live server from the database."""
        if not self.lock.acquire(timeout=self.WAIT_SECONDS):
            pytest.fail(
                f"A live-server request was still running {self.WAIT_SECONDS} s after the "
                "test ended.",
                pytrace=False,
            )
        self.held = True
        self.test += 1

    def open(self):
        if self.held:
            self.held = False
            self.lock.release()


def test_is_over(environ, start_response):
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"The test this request belonged to has ended."]


@pytest.fixture(scope="session")
def live_server_gate():
    gate = LiveServerGate()
    run = ServerHandler.run
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            ServerHandler, "run", lambda handler, application: gate.run(run, handler, application)
        )
        yield gate
    gate.open()


@pytest.fixture(autouse=True)
def _browser_test_database(live_server_gate, transactional_db, django_db_serialized_rollback):
    """A transactional database that starts as migrations left it, the live server kept
    out of it while it is flushed and filled again.

    The live server runs in another thread, so the test's data must be committed; each
    test then ends with a flush, which would also remove what migrations created (the
    root page and root collection that create_organization needs) and the two seeded
    organizations: the serialized rollback puts those back before the next test.
    Being autouse, this fixture is torn down after the test's pages (their browser
    contexts closed), and before the flush.
    """
    # Wagtail caches the sites' root paths; after a flush they describe sites that are gone.
    cache.clear()
    live_server_gate.open()
    yield
    live_server_gate.close()
    cache.clear()


@pytest.fixture(scope="session")
def chromium():
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        pytest.fail(
            f"The browser tests need Chromium, and {executable} is not an executable. "
            "Install Debian's chromium (apt-get install chromium) or point the CHROMIUM "
            "environment variable at a Chromium binary.",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import Error, sync_playwright

    # Playwright's synchronous API leaves its asyncio event loop marked as running on
    # this thread, between its calls too. Django then takes the (synchronous) test code
    # for async code: it refuses ORM calls ("SynchronousOnlyOperation"), and it keeps
    # database connections per async context, so the test would open a second
    # connection, one without the serialized data of `django_db_serialized_rollback`
    # and, on SQLite, beside the in-memory one the live server shares. So the check is
    # lifted while the browser runs and the thread's own connections are put back.
    thread_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    for alias, connection in thread_connections.items():
        connections[alias] = connection
    try:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
        except Error as error:
            pytest.fail(f"Chromium at {executable} did not start: {error}", pytrace=False)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def is_loopback_host(hostname):
    return hostname in {"localhost", "127.0.0.1", "::1"} or hostname.endswith(".localhost")


@pytest.fixture
def third_party_requests():
    return []


@pytest.fixture
def new_page(chromium, live_server, third_party_requests):
    live_port = urlsplit(live_server.url).port
    contexts = []

    def route(route):
        url = urlsplit(route.request.url)
        if url.port == live_port and is_loopback_host(url.hostname or ""):
            route.continue_()
        else:
            third_party_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def make_page(**context_options):
        context = chromium.new_context(**{**DEFAULT_CONTEXT, **context_options})
        contexts.append(context)
        context.route("**/*", route)
        return context.new_page()

    yield make_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def site_url(live_server):
    port = urlsplit(live_server.url).port

    def build(org, path="/"):
        return f"http://{org.site.hostname}:{port}{path}"

    return build


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def serious_violations(page, context=None):
        results = runner.run(page, context=context)
        return [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]],
            }
            for violation in results.response["violations"]
            if violation["impact"] in SERIOUS_IMPACTS
        ]

    return serious_violations
