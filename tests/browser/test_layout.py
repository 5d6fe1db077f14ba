"""The pages read well from a phone to a laptop: nothing needs sideways scrolling.

Screenshots go to screenshots/ (git-ignored) so a person can look at them.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
VIEWPORTS = {
    "laptop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


def assert_fits(page, device, name):
    """Save a screenshot; the page and every control in it stay within the screen's width."""
    SCREENSHOTS.mkdir(exist_ok=True)
    suffix = "" if device == "laptop" else f"-{device}"
    page.screenshot(path=SCREENSHOTS / f"{name}{suffix}.png", full_page=True)

    width = VIEWPORTS[device]["width"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} is {overflow}px wider than a {device} screen"
    controls = page.locator("header a, header button, main a, main button, main input")
    for control in controls.filter(visible=True).all():
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{control} is off screen"


@pytest.mark.parametrize("device", VIEWPORTS)
def test_sign_in_and_coordinator_home_fit_the_screen(new_page, coordinator, sign_in, device):
    page = new_page(viewport=VIEWPORTS[device])
    page.goto("/login")
    assert_fits(page, device, "sign-in")

    sign_in(page, coordinator)
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    assert_fits(page, device, "home-coordinator")
