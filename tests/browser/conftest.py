"""A live tracker and a real Chromium driven by Playwright.

One server per database backend (it serves `session_app`; the `app` fixture
still empties the tables after every test) and one browser per test session;
every test gets a fresh browser context, so no cookies leak between tests. A test
fails when the browser refused anything under the Content-Security-Policy.
"""

import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from werkzeug.serving import make_server

from tests.chromium import LAPTOP, assert_no_refusals, watch_console
from tests.factories import DEFAULT_PASSWORD
from tests.mobilities.conftest import (  # noqa: F401 (fixtures)
    ka131,
    ka171,
    partners,
    student_rates_entered,
    unit_costs,
)

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class RequestsInFlight:
    """WSGI middleware that counts the requests being answered, so a test can wait for them.

    A browser test may end while the page still has a request out (a preview the
    script asked for, say). Emptying the tables while that request holds a read
    lock deadlocks on PostgreSQL, so the test waits for the server to finish first.
    """

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.idle = threading.Condition()

    def __call__(self, environ, start_response):
        with self.idle:
            self.count += 1
        body = None
        try:
            body = self.app(environ, start_response)
            yield from body
        finally:
            if hasattr(body, "close"):
                body.close()
            with self.idle:
                self.count -= 1
                self.idle.notify_all()

    def wait_until_idle(self, timeout=10):
        with self.idle:
            assert self.idle.wait_for(lambda: self.count == 0, timeout), "requests still running"


@pytest.fixture(scope="session")
def server_requests(session_app):
    return RequestsInFlight(session_app)


@pytest.fixture(scope="session")
def live_server(server_requests):
    """The test application on a free local port, served from a background thread."""
    server = make_server("127.0.0.1", 0, server_requests, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture
def new_page(browser, live_server, server_requests, app):
    """Open a page in a fresh browser context: new_page(locale="nl-NL", viewport=...)."""
    contexts, refusals = [], []

    def open_page(**context_options):
        context_options.setdefault("viewport", LAPTOP)
        context = browser.new_context(base_url=live_server, **context_options)
        context.set_default_timeout(5_000)
        contexts.append(context)
        return watch_console(context.new_page(), refusals)

    yield open_page
    for context in contexts:
        context.close()
    server_requests.wait_until_idle()
    assert_no_refusals(refusals)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def sign_in():
    """Sign in as a person does: by the labels and the button they see."""

    def fill_and_press(page, user, password=DEFAULT_PASSWORD):
        page.goto("/login")
        page.get_by_label("E-mail address").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()

    return fill_and_press


@pytest.fixture(scope="session")
def assert_accessible():
    """Check that axe-core's WCAG 2.1 A and AA rules find nothing on the page as it is now."""
    axe = Axe()

    def check(page):
        options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
        violations = axe.run(page, options=options).response["violations"]
        report = "\n".join(
            f"{v['id']}: {v['help']} -> {[node['target'] for node in v['nodes']]}"
            for v in violations
        )
        assert not violations, f"{page.url} has accessibility violations:\n{report}"

    return check
