"""Every main page, as the role that uses it sees it, passes axe's WCAG 2.1 A and AA rules.

Records come from the factories; the pages are filled (rows in the tables, history on the
detail pages, notifications waiting) so that axe checks what people really see.
"""

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from tests.factories import make_mobility, make_organisation, make_project
from tests.workflow.conftest import complete_project
from tracker.erasmus.models import UnitCostRate, UnitCostYear
from tracker.extensions import db
from tracker.workflow.operations import transition_record

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("unit_costs")]

PAGES = {
    "staff": [
        "/projects/",
        "/projects/{submitted}",
        "/projects/new?action=KA220-HED",
        "/projects/{draft}/edit",
        "/mobilities/",
        "/mobilities/{mobility}",
        "/mobilities/new",
        "/mobilities/{mobility}/edit",
        "/notifications/",
        "/preferences",
    ],
    "coordinator": [
        "/projects/{ka131}",
        "/organisations/",
        "/organisations/{organisation}",
        "/organisations/new",
        "/organisations/{organisation}/edit",
        "/review",
        "/notifications/",
    ],
    "admin": [
        "/unit-costs/",
        "/unit-costs/2023",
        "/unit-costs/new",
        "/unit-costs/2023/rates/{rate}",
        "/users/",
        "/users/new",
        "/users/{staff}",
    ],
}
"""The main pages, by the role that uses them."""

FORMS_SENT_EMPTY = {
    "staff": ["/projects/new?action=KA220-HED", "/mobilities/new"],
    "coordinator": ["/organisations/new"],
    "admin": ["/users/new"],
}
"""Forms whose error state (summary, messages next to the fields) is checked too."""


@pytest.fixture
def records(staff, coordinator, admin, ka131, partners):
    """Ids of a record of every kind; one project submitted and sent back, so that the
    review queue has a row and the owner and the coordinators have notifications."""
    submitted = complete_project(staff, title="Digital teaching together")
    transition_record(submitted, "submit", staff)
    transition_record(submitted, "start_review", coordinator)
    transition_record(submitted, "request_changes", coordinator, comment="Name the partners.")
    transition_record(submitted, "resubmit", staff)
    db.session.commit()
    rate = db.session.scalar(
        sa.select(UnitCostRate.id).join(UnitCostYear).where(UnitCostYear.call_year == 2023)
    )
    return {
        "submitted": submitted.id,
        "draft": make_project(staff, title="A draft").id,
        "ka131": ka131.id,
        "mobility": make_mobility(staff, ka131, partners["FI"]).id,
        "organisation": make_organisation(name="Universität Leipzig").id,
        "rate": rate,
        "staff": staff.id,
    }


def violations_on(page, assert_accessible):
    """axe's findings on the page as it is now, as text; empty when there are none."""
    try:
        assert_accessible(page)
    except AssertionError as failure:
        return [str(failure)]
    return []


@pytest.mark.parametrize("role", PAGES)
def test_every_main_page_of_the_role_passes_axe(
    request, page, sign_in, assert_accessible, records, role
):
    """One sign-in per role; every page is checked, and all findings are reported together."""
    sign_in(page, request.getfixturevalue(role))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    found = []
    for path in PAGES[role]:
        response = page.goto(path.format(**records))
        assert response.status == 200, path
        found += violations_on(page, assert_accessible)
    for path in FORMS_SENT_EMPTY[role]:
        page.goto(path)
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below.")
        found += violations_on(page, assert_accessible)
    assert not found, "\n\n".join(found)
