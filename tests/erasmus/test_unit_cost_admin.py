"""Admins keep the unit costs: view a year, add a year, correct a rate; every change recorded."""

from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.factories import seed_unit_costs
from tracker.enums import Role
from tracker.erasmus.models import UnitCostChange, UnitCostChangeKind, UnitCostRate, UnitCostYear
from tracker.extensions import db


@pytest.fixture(autouse=True)
def unit_costs(app):
    seed_unit_costs()


def rate(call_year, key):
    db.session.expire_all()
    return db.session.scalar(
        sa.select(UnitCostRate)
        .join(UnitCostRate.year)
        .where(UnitCostYear.call_year == call_year, UnitCostRate.key == key)
    )


def test_admin_sees_the_call_years_and_a_years_table_with_labels(admin_client):
    page = admin_client.get("/unit-costs/").get_data(as_text=True)
    assert all(str(year) in page for year in (2021, 2022, 2023))
    page = admin_client.get("/unit-costs/2023").get_data(as_text=True)
    assert "Staff, per day, Group 1: higher living costs" in page
    assert "€ 162.00" in page
    assert "Green travel, 500–1,999 km" in page


@pytest.mark.parametrize("role", [Role.STAFF, Role.COORDINATOR])
@pytest.mark.parametrize("url", ["/unit-costs/", "/unit-costs/2023", "/unit-costs/new"])
def test_only_admins_reach_the_unit_costs(client_as, role, url):
    client, _user = client_as(role)
    assert client.get(url).status_code == 403
    assert client.submit(url, {"reason": "x"}).status_code in (403, 405)


def test_admin_adds_a_call_year_from_a_copy(admin_client, admin):
    data = {
        "call_year": "2024",
        "copy_from": "2023",
        "sources": "Programme Guide 2024, Part B",
        "reason": "Start of the 2024 call; rates to be corrected from the guide",
    }
    response = admin_client.submit("/unit-costs/new", data)
    assert response.status_code == 302
    assert rate(2024, "staff_per_day.1").amount == Decimal("162.00")
    change = db.session.scalars(
        sa.select(UnitCostChange)
        .where(UnitCostChange.kind == UnitCostChangeKind.YEAR_ADDED)
        .join(UnitCostChange.year)
        .where(UnitCostYear.call_year == 2024)
    ).one()
    assert change.user_id == admin.id
    assert change.reason.startswith("Start of the 2024 call")
    page = admin_client.get("/unit-costs/2024").get_data(as_text=True)
    assert "Start of the 2024 call" in page and "Ada Admin" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": ""}, "This field is required."),
        ({"call_year": "2023"}, "Call year 2023 has a table already"),
        ({"call_year": "1999"}, "Number must be between 2014 and 2100."),
        ({"sources": ""}, "This field is required."),
    ],
)
def test_adding_a_call_year_needs_valid_values(admin_client, changes, message):
    data = {"call_year": "2024", "copy_from": "2023", "sources": "PG 2024", "reason": "New"}
    response = admin_client.submit("/unit-costs/new", data | changes)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_admin_corrects_a_rate_with_a_reason_and_the_change_is_shown(admin_client):
    target = rate(2023, "travel.standard.500-1999")
    url = f"/unit-costs/2023/rates/{target.id}"
    data = {"amount": "309.00", "reason": "Programme Guide 2023 corrigendum", "version": "1"}
    assert admin_client.submit(url, data).status_code == 302
    assert rate(2023, "travel.standard.500-1999").amount == Decimal("309.00")
    assert rate(2022, "travel.standard.500-1999").amount == Decimal("275.00")
    page = admin_client.get("/unit-costs/2023").get_data(as_text=True)
    assert "Programme Guide 2023 corrigendum" in page
    assert "€ 275.00" in page and "€ 309.00" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": ""}, "This field is required."),
        ({"amount": ""}, "This field is required."),
        ({"amount": "-1"}, "Enter an amount of 0 or more, below ten billion euro."),
        ({"amount": "abc"}, "Not a valid decimal value."),
    ],
)
def test_a_correction_needs_an_amount_and_a_reason(admin_client, changes, message):
    target = rate(2023, "staff_per_day.2")
    data = {"amount": "150.00", "reason": "Corrigendum", "version": "1"} | changes
    response = admin_client.submit(f"/unit-costs/2023/rates/{target.id}", data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert rate(2023, "staff_per_day.2").amount == Decimal("144.00")


def test_a_stale_correction_is_refused(admin_client):
    target = rate(2023, "staff_per_day.2")
    url = f"/unit-costs/2023/rates/{target.id}"
    admin_client.submit(url, {"amount": "150.00", "reason": "First", "version": "1"})
    response = admin_client.submit(url, {"amount": "155.00", "reason": "Second", "version": "1"})
    assert response.status_code == 409
    assert rate(2023, "staff_per_day.2").amount == Decimal("150.00")


def test_a_corrected_rate_changes_the_next_calculation(admin_client, coordinator, staff):
    from datetime import date

    from tests.factories import make_organisation, make_project
    from tracker.erasmus.actions import Action
    from tracker.workflow.states import Status

    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    finland = make_organisation(country="FI", erasmus_code=None)
    target = rate(2023, "student_per_month.1")
    admin_client.submit(
        f"/unit-costs/2023/rates/{target.id}",
        {"amount": "600.00", "reason": "National Agency rate", "version": "1"},
    )
    data = {
        "participant_name": "Eva",
        "participant_kind": "student",
        "activity_type": "SMS",
        "flow": "outgoing",
        "organisation_id": str(finland.id),
        "project_id": str(project.id),
        "start_date": "2023-09-01",
        "end_date": "2024-01-31",
        "travel_days": "0",
        "owner_id": "",
    }
    preview = admin_client.submit("/mobilities/grant-preview", data).get_data(as_text=True)
    assert "5 months × €600" in preview
    assert "€ 3,000.00" in preview
