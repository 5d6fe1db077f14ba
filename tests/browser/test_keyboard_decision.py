"""A coordinator decides on a submitted record by keyboard in a handful of key presses."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_user
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.states import Status

pytestmark = pytest.mark.browser

MOST_KEY_PRESSES = 6


def focused_name(page):
    return page.evaluate(
        "() => (document.activeElement.innerText || document.activeElement.id || '').trim()"
    )


def press_tab_until(page, name, limit=80):
    """Press Tab until the element named `name` has the focus; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused_name(page) == name:
            return presses
    raise AssertionError(f"{name!r} not reached in {limit} presses of Tab")


def test_a_coordinator_approves_a_submitted_project_in_six_key_presses(
    new_page, sign_in, coordinator
):
    project = complete_project(make_user(Role.STAFF), status=Status.SUBMITTED)
    page = new_page()
    sign_in(page, coordinator)
    page.goto(f"/projects/{project.id}")

    presses = press_tab_until(page, "Skip to the status and decision")
    page.keyboard.press("Enter")
    presses += 1
    presses += press_tab_until(page, "Approve")
    page.keyboard.press("Enter")
    presses += 1

    expect(page.get_by_role("region", name="Status: Approved")).to_be_visible()
    db.session.expire_all()
    assert db.session.get(Project, project.id).status is Status.APPROVED
    print(f"\nkey presses to approve a submitted project: {presses}")
    assert presses <= MOST_KEY_PRESSES


def test_a_reason_is_typed_in_the_one_box_and_requests_changes(new_page, sign_in, coordinator):
    project = complete_project(make_user(Role.STAFF), status=Status.SUBMITTED)
    page = new_page()
    sign_in(page, coordinator)
    page.goto(f"/projects/{project.id}")

    press_tab_until(page, "Skip to the status and decision")
    page.keyboard.press("Enter")
    press_tab_until(page, "decision-comment")
    page.keyboard.type("Name the partners' tasks.")
    press_tab_until(page, "Request changes")
    page.keyboard.press("Enter")

    expect(page.get_by_role("region", name="Status: Changes requested")).to_be_visible()
    expect(page.get_by_role("region", name="Activity")).to_contain_text("Name the partners' tasks.")
