"""Debian's Chromium, driven by Playwright: shared by the browser tests and the live tests.

Without /usr/bin/chromium the tests that need it are skipped, unless
TRACKER_REQUIRE_BROWSER=1 (as in CI): then they fail, so a broken CI image cannot
turn them silently green.

Every page opened through `watch_console` records what the browser refused under the
Content-Security-Policy; a test that ends with such a refusal fails.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = "Chromium not found: apt-get install -y chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAPTOP = {"width": 1280, "height": 800}


def require_chromium():
    if CHROMIUM.exists():
        return
    if os.environ.get("TRACKER_REQUIRE_BROWSER") == "1":
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    pytest.skip(CHROMIUM_MISSING)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run: Playwright's sync API allows one driver at a time."""
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def watch_console(page, refusals):
    """Append to `refusals` every Content-Security-Policy refusal the page reports."""

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            refusals.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return page


def assert_no_refusals(refusals):
    assert not refusals, "the browser refused under the CSP:\n" + "\n".join(refusals)
