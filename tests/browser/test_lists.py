"""A list page in a real browser: filter, sort and page, with the choices kept in the URL."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_mobility

pytestmark = pytest.mark.browser


@pytest.fixture
def mobilities(app, monkeypatch, staff, ka131, partners):
    """Seven mobilities to Finland and three to Germany, five to a page."""
    monkeypatch.setitem(app.config, "PER_PAGE", 5)
    for number in range(1, 8):
        make_mobility(staff, ka131, partners["FI"], participant_name=f"Finn {number}")
    for number in range(1, 4):
        make_mobility(staff, ka131, partners["DE"], participant_name=f"Dieter {number}")


def participants(page):
    return page.get_by_role("table", name="Mobilities").locator("tbody tr td:nth-child(2)")


@pytest.mark.usefixtures("mobilities")
def test_filter_sort_and_next_page_keep_each_other(page, sign_in, assert_accessible, staff):
    sign_in(page, staff)
    page.goto("/mobilities/")
    expect(page.get_by_role("status")).to_have_text("10 records")
    assert_accessible(page)

    filters = page.get_by_role("search", name="Filter mobilities")
    filters.get_by_label("Country").select_option(label="Finland")
    filters.get_by_role("button", name="Filter").click()

    expect(page).to_have_url(re.compile(r"[?&]country=FI(&|$)"))
    expect(page.get_by_role("status")).to_have_text("7 records")
    expect(page.get_by_text("Page 1 of 2")).to_be_visible()

    page.get_by_role("link", name="Participant", exact=True).click()

    expect(page).to_have_url(re.compile(r"sort=participant"))
    expect(page).to_have_url(re.compile(r"country=FI"))
    expect(page.get_by_role("columnheader", name="Participant")).to_have_attribute(
        "aria-sort", "ascending"
    )
    expect(participants(page)).to_have_text([f"Finn {n}" for n in range(1, 6)])

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next page").click()

    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page).to_have_url(re.compile(r"country=FI"))
    expect(page).to_have_url(re.compile(r"sort=participant"))
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(participants(page)).to_have_text(["Finn 6", "Finn 7"])
    expect(page.get_by_role("search").get_by_label("Country")).to_have_value("FI")
    assert_accessible(page)
