"""The main journey in Chromium against the deployed server: a staff member creates and
submits a mobility, a coordinator reviews and approves it, and the filtered list is
exported and the downloaded file read. Any Content-Security-Policy refusal fails it."""

import csv

import pytest
from playwright.sync_api import expect

from tests.chromium import LAPTOP, assert_no_refusals, watch_console
from tests.live.conftest import ACCOUNTS, COORDINATOR, OWNER

pytestmark = pytest.mark.browser

PARTICIPANT = "Liesbeth Livetest"


@pytest.fixture
def open_as(browser, deployment):
    """A signed-in page per person, each in a browser context of its own."""
    contexts, refusals = [], []

    def signed_in(person):
        context = browser.new_context(
            base_url=deployment.url, viewport=LAPTOP, accept_downloads=True
        )
        # Generous: on a loaded machine gunicorn answers slowly; this test is not a timing.
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = watch_console(context.new_page(), refusals)
        email, password = ACCOUNTS[person]
        page.goto("/login")
        page.get_by_label("E-mail address").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        return page

    yield signed_in
    for context in contexts:
        context.close()
    assert_no_refusals(refusals)


def status_panel(page, status):
    return page.get_by_role("region", name=f"Status: {status}")


def create_and_submit(page):
    page.goto("/mobilities/new")
    page.get_by_label("Participant's name").fill(PARTICIPANT)
    page.get_by_label("Participant's e-mail address").fill("liesbeth.livetest@example.edu")
    page.get_by_label("Participant", exact=True).select_option(label="Staff member")
    page.get_by_label("Activity type").select_option(value="STA")
    page.get_by_label("Funding project").select_option(label="KA131-2025 (KA131-HED, 2025)")
    page.get_by_label("Partner organisation").select_option(
        label="Humboldt-Universität zu Berlin (DE)"
    )
    page.get_by_label("Start date").fill("2027-03-01")
    page.get_by_label("End date").fill("2027-03-05")
    page.get_by_role("group", name="Priorities").get_by_label("Digital transformation").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PARTICIPANT)
    status_panel(page, "Draft").get_by_role("button", name="Submit").click()
    expect(status_panel(page, "Submitted")).to_be_visible()


def review_and_approve(page):
    page.goto("/review")
    page.get_by_role("link", name=PARTICIPANT).click()
    status_panel(page, "Submitted").get_by_role("button", name="Start review").click()
    status_panel(page, "In review").get_by_role("button", name="Approve").click()
    expect(status_panel(page, "Approved")).to_be_visible()


def export_filtered_list(page, tmp_path):
    page.goto("/mobilities/?q=Livetest")
    link = page.get_by_role("link", name="Download this record as CSV")
    with page.expect_download() as download:
        link.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_a_mobility_from_creation_to_approval_and_into_the_export(open_as, tmp_path):
    create_and_submit(open_as(OWNER))
    office = open_as(COORDINATOR)
    review_and_approve(office)
    (row,) = export_filtered_list(office, tmp_path)
    assert row["Participant"] == PARTICIPANT
    assert row["Status"] == "Approved"
    assert row["Activity code"] == "STA"
    assert row["Partner"] == "Humboldt-Universität zu Berlin"
