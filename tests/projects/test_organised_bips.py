"""Blended intensive programmes we organise, on a KA131 project's page: added, removed, in the
history; only by whoever may edit the project."""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.factories import make_project, seed_unit_costs
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.projects.models import OrganisedBip
from tracker.workflow.models import HistoryEntry


@pytest.fixture
def ka131(staff):
    seed_unit_costs()
    return make_project(
        staff,
        action=Action.KA131_HED,
        call_year=2024,
        start_date=date(2024, 6, 1),
        end_date=date(2026, 7, 31),
    )


def programme(**changes):
    data = {
        "bip-title": "Water in the city",
        "bip-start_date": "2025-03-03",
        "bip-end_date": "2025-03-07",
        "bip-participants": "18",
    }
    return data | changes


def bips():
    db.session.expire_all()
    return db.session.scalars(sa.select(OrganisedBip)).all()


def test_a_programme_is_added_with_its_support_and_removed(staff_client, ka131):
    response = staff_client.submit(f"/projects/{ka131.id}/bips", programme())
    assert response.status_code == 302
    [bip] = bips()
    page = staff_client.get(f"/projects/{ka131.id}").get_data(as_text=True)
    assert "Water in the city" in page
    assert "€ 7,200.00" in page  # 18 participants × 400
    response = staff_client.submit(f"/projects/{ka131.id}/bips/{bip.id}/remove", {})
    assert response.status_code == 302
    assert bips() == []
    changes = db.session.scalars(
        sa.select(HistoryEntry.changes).where(HistoryEntry.project_id == ka131.id)
    ).all()
    assert changes[0]["organised_bips"] == [None, "Water in the city (2025-03-03–2025-03-07, 18)"]
    assert changes[1]["organised_bips"][1] is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"bip-title": ""}, "This field is required."),
        ({"bip-end_date": "2025-03-05"}, "The physical part lasts 5–30 days"),
        (
            {"bip-start_date": "2026-07-28", "bip-end_date": "2026-08-03"},
            "within the project&#39;s period",
        ),
        ({"bip-participants": "-1"}, "Enter a number of 0 or more."),
    ],
)
def test_a_programme_needs_valid_values(staff_client, ka131, changes, message):
    response = staff_client.submit(f"/projects/{ka131.id}/bips", programme(**changes))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page or message.replace("&#39;", "'") in page
    assert bips() == []


def test_only_ka131_projects_and_their_editors_add_programmes(
    staff_client, other_staff, staff, ka131
):
    ka220 = make_project(staff, action=Action.KA220_HED)
    assert staff_client.submit(f"/projects/{ka220.id}/bips", programme()).status_code == 404
    foreign = make_project(other_staff, action=Action.KA131_HED, call_year=2024)
    assert staff_client.submit(f"/projects/{foreign.id}/bips", programme()).status_code == 404
    assert staff_client.post(f"/projects/{ka131.id}/bips", data=programme()).status_code == 400
    assert bips() == []
