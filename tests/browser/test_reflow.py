"""At 390 px no main page is wider than the screen (WCAG 1.4.10): lists scroll inside their own
region, facts stack, long words break. Measured on the demo data, in English and Dutch."""

import pytest
import sqlalchemy as sa

from tracker.demo.loader import load_demo_data
from tracker.enums import Language
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.projects.models import Project
from tracker.workflow.states import Status

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def main_pages():
    """The addresses of the pages the office works on, with a record of each kind."""
    ka171 = db.session.scalar(
        sa.select(Project).where(Project.action == Action.KA171_HED).order_by(Project.id)
    )
    in_review = db.session.scalar(
        sa.select(Mobility)
        .where(Mobility.status.in_([Status.SUBMITTED, Status.IN_REVIEW]))
        .order_by(Mobility.id)
    ) or db.session.scalar(sa.select(Mobility).order_by(Mobility.id))
    return [
        "/",
        "/projects/",
        "/mobilities/",
        "/organisations/",
        "/reports/",
        "/reports/dashboard",
        "/reports/budget",
        "/reports/priorities",
        "/deadlines/",
        "/review",
        "/notifications/",
        "/unit-costs/",
        f"/projects/{ka171.id}",
        f"/mobilities/{in_review.id}",
        f"/mobilities/{in_review.id}/edit",
        "/mobilities/new",
    ]


@pytest.mark.parametrize("language", [Language.EN, Language.NL])
def test_no_main_page_is_wider_than_a_phone(new_page, sign_in, coordinator, language):
    load_demo_data()
    coordinator.language = language
    db.session.commit()
    pages = main_pages()
    page = new_page(viewport=PHONE)  # signed in, the account's language decides
    page.set_default_timeout(30_000)  # the demo data's reports take a while on a busy machine
    sign_in(page, coordinator)

    too_wide = {}
    for address in pages:
        response = page.goto(address)
        assert response.ok, address
        assert page.evaluate("document.documentElement.lang") == language.value
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[address] = width
    assert too_wide == {}, f"wider than 390 px ({language.value}): {too_wide}"
