"""A KA220 project's whole review in two browsers: the staff owner's and the coordinator's.

Each page on the way is checked with axe; the project's activity shows every step at the end.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TITLE = "Digital teaching together"


def heading(page):
    return page.get_by_role("heading", level=1)


def status_panel(page, status):
    """The project page's "Status" section, with the buttons of the transitions one may take."""
    return page.get_by_role("region", name=f"Status: {status}")


def flash(page):
    """The message after an action; a project page has no other status region."""
    return page.get_by_role("status")


def create_partner(page, assert_accessible):
    page.goto("/organisations/new")
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Universität Leipzig")
    page.get_by_label("Erasmus code").fill("D  LEIPZIG01")
    page.get_by_label("Country").select_option(label="Germany")
    page.get_by_label("City").fill("Leipzig")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(heading(page)).to_have_text("Universität Leipzig")
    expect(page.locator("dl").get_by_text("D  LEIPZIG01")).to_be_visible()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    assert_accessible(page)


def create_draft_without_summary_and_amount(page, assert_accessible):
    page.goto("/projects/")
    page.get_by_label("New project for the action").select_option("KA220-HED")
    page.get_by_role("button", name="Continue").click()
    expect(heading(page)).to_have_text("New project")
    expect(page.get_by_label("Action")).to_have_value("KA220-HED")
    assert_accessible(page)
    page.get_by_label("Call year").fill("2024")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Start date").fill("2024-09-01")
    page.get_by_label("End date").fill("2026-08-31")
    page.get_by_label("Digital transformation").check()
    page.get_by_label("Social inclusion and diversity").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(heading(page)).to_have_text(TITLE)
    expect(page.get_by_role("definition").filter(has_text="Digital transformation")).to_have_text(
        "Social inclusion and diversity, Digital transformation"
    )


def add_partner(page, assert_accessible):
    adding = page.get_by_role("group", name="Add a partner")
    adding.get_by_label("Organisation").select_option(
        label="Universität Leipzig (D LEIPZIG01, Germany)"
    )
    adding.get_by_role("button", name="Add partner").click()
    partners = page.get_by_role("region", name="Partners")
    expect(partners.get_by_role("cell", name="Universität Leipzig", exact=True)).to_be_visible()
    assert_accessible(page)


def step(*parts):
    """A timeline entry holding these texts in this order, however the page spaces them."""
    words = (r"\s*".join(map(re.escape, part.split())) for part in parts)
    return re.compile(r"[\s\S]*".join(words))


def take(page, status, action, comment=None):
    """Press a transition's button in the Status section, with the reason when there is one."""
    panel = status_panel(page, status)
    if comment is not None:
        panel.get_by_label("Reason or comment").fill(comment)
    panel.get_by_role("button", name=action, exact=True).click()


def test_a_project_is_submitted_sent_back_resubmitted_and_approved(
    new_page, sign_in, assert_accessible, staff, coordinator
):
    office = new_page()
    sign_in(office, coordinator)
    create_partner(office, assert_accessible)

    owner = new_page()
    sign_in(owner, staff)
    create_draft_without_summary_and_amount(owner, assert_accessible)
    add_partner(owner, assert_accessible)

    take(owner, "Draft", "Submit")
    expect(heading(owner)).to_have_text(f"Edit {TITLE}")
    expect(owner.get_by_role("alert")).to_contain_text("Not submitted yet")
    expect(owner.get_by_label("Summary")).to_have_accessible_description("Summary is missing.")
    expect(owner.get_by_label("Requested amount (EUR)")).to_have_accessible_description(
        re.compile("Requested amount is missing.")
    )
    assert_accessible(owner)

    owner.get_by_label("Summary").fill("Teachers from four countries share digital courses.")
    owner.get_by_label("Requested amount (EUR)").fill("250000.00")
    owner.get_by_role("button", name="Save", exact=True).click()
    take(owner, "Draft", "Submit")
    expect(flash(owner)).to_contain_text("The record is now Submitted.")
    expect(status_panel(owner, "Submitted")).to_be_visible()

    office.goto("/review")
    expect(office.get_by_role("link", name="Notifications (1 unread)")).to_be_visible()
    assert_accessible(office)
    office.get_by_role("table", name="1 record waiting").get_by_role("link", name=TITLE).click()
    take(office, "Submitted", "Request changes", comment="Say what each partner contributes.")
    expect(flash(office)).to_contain_text("The record is now Changes requested.")

    owner.goto("/projects/")
    # One notification for the decision: the review start on the way sends none of its own.
    owner.get_by_role("link", name="Notifications (1 unread)").click()
    expect(heading(owner)).to_have_text("Notifications")
    assert_accessible(owner)
    sent_back = owner.get_by_role("listitem").filter(has_text="Changes requested")
    opening = sent_back.get_by_role("button", name=TITLE)
    expect(opening).to_have_accessible_description("— Status changed: Changes requested")
    opening.click()
    expect(heading(owner)).to_have_text(TITLE)
    expect(owner.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    activity = owner.get_by_role("region", name="Activity")
    expect(activity).to_contain_text("Say what each partner contributes.")

    owner.get_by_role("link", name="Edit").click()
    owner.get_by_label("Summary").fill("Leipzig writes the courses, we teach them.")
    owner.get_by_role("button", name="Save", exact=True).click()
    take(owner, "Changes requested", "Resubmit")
    expect(flash(owner)).to_contain_text("The record is now Submitted.")

    office.goto("/review")
    office.get_by_role("table", name="1 record waiting").get_by_role("link", name=TITLE).click()
    take(office, "Submitted", "Approve")
    expect(flash(office)).to_contain_text("The record is now Approved.")
    expect(status_panel(office, "Approved")).to_be_visible()
    assert_accessible(office)

    owner.reload()
    activity = owner.get_by_role("region", name="Activity").get_by_role("listitem")
    expect(activity).to_have_text(
        [
            step("Status changed: In review → Approved", "Cora Coord"),
            step("Status changed: Submitted → In review", "Cora Coord"),
            step("Status changed: Changes requested → Submitted", "Sam Staff"),
            step("Edited", "Summary", "Leipzig writes the courses, we teach them."),
            step("Status changed: In review → Changes requested", "partner contributes"),
            step("Status changed: Submitted → In review", "Cora Coord"),
            step("Status changed: Draft → Submitted", "Sam Staff"),
            step("Edited", "Requested amount (EUR) — 250000.00", "Summary"),
            step("Edited", "Partners — Universität Leipzig"),
            step("Created: Draft", "Sam Staff"),
        ]
    )
