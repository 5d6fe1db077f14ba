"""A coordinator approves several submitted projects at once from the project list."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_user
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.states import Status

pytestmark = pytest.mark.browser


def test_ticked_projects_are_approved_with_one_comment(new_page, sign_in, coordinator):
    owner = make_user(Role.STAFF)
    ticked = [complete_project(owner, status=Status.SUBMITTED, title=f"Ticked {n}") for n in (1, 2)]
    left = complete_project(owner, status=Status.SUBMITTED, title="Left alone")
    page = new_page()
    sign_in(page, coordinator)
    page.goto("/projects/?status=submitted")

    for project in ticked:
        page.get_by_label(f"Select {project.title}").check()
    page.get_by_text("Act on several records").click()
    page.get_by_label("Action for the selected records").select_option(label="Approve")
    page.get_by_label("Reason or comment, for every record").fill("Fits the call.")
    page.get_by_role("button", name="Apply to the selected records").click()

    expect(page.get_by_role("status")).to_have_text("Approve: done on 2, refused on 0.")
    db.session.expire_all()
    assert [db.session.get(Project, p.id).status for p in ticked] == [Status.APPROVED] * 2
    assert db.session.get(Project, left.id).status is Status.SUBMITTED
