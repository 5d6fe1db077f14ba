"""The office keeps the unit costs: view a year, add a year, enter or correct a figure; every
change recorded, and the open mobilities of the year recalculated in the same step."""

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.factories import make_mobility, make_organisation, make_project, seed_unit_costs
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, ParticipantKind
from tracker.erasmus.models import UnitCostChange, UnitCostChangeKind, UnitCostRate, UnitCostYear
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status


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


def correction(amount, reason="National Agency's letter of 3 March", version="1", **fields):
    return {"amount": amount, "source": "Letter to the university", "reason": reason,
            "version": version, **fields}  # fmt: skip


def test_the_office_sees_each_figure_with_its_source_and_what_to_confirm(coordinator_client):
    page = coordinator_client.get("/unit-costs/").get_data(as_text=True)
    assert all(str(year) in page for year in range(2021, 2027))
    page = coordinator_client.get("/unit-costs/2023").get_data(as_text=True)
    assert "Staff, per day, Group 1: higher living costs" in page
    assert "€ 120.00" in page and "Maastricht University" in page
    assert "Green travel, 500–1,999 km" in page
    page = coordinator_client.get("/unit-costs/2025").get_data(as_text=True)
    assert "carried over from 2024: to confirm" in page
    assert "Confirm or correct" in page
    assert "Germany" in page  # the destination groups of the year


def test_the_unit_costs_page_lists_the_missing_figures_per_call_year(coordinator_client):
    page = coordinator_client.get("/unit-costs/").get_data(as_text=True)
    missing = page[page.index("Missing figures") :]
    assert "Students long-term, per month, Group 2: medium living costs" in missing
    assert "KA171 incoming students, per month, Group 1: higher living costs" in missing
    assert "agency&#39;s letter" in missing or "agency's letter" in missing
    target = rate(2024, "student_per_month.2")
    assert f"/unit-costs/2024/rates/{target.id}" in missing


@pytest.mark.parametrize("url", ["/unit-costs/", "/unit-costs/2023", "/unit-costs/new"])
def test_staff_do_not_reach_the_unit_costs(client_as, url):
    client, _user = client_as(Role.STAFF)
    assert client.get(url).status_code == 403
    assert client.submit(url, {"reason": "x"}).status_code in (403, 405)


def test_an_admin_adds_a_call_year_from_a_copy_marked_as_carried_over(admin_client, admin):
    data = {
        "call_year": "2027",
        "copy_from": "2026",
        "sources": "Programme Guide 2027, Part B",
        "reason": "Start of the 2027 call; figures to confirm from the agency's letter",
    }
    response = admin_client.submit("/unit-costs/new", data)
    assert response.status_code == 302
    copied = rate(2027, "staff_per_day.1")
    assert (copied.amount, copied.carried_over_from) == (Decimal("120.00"), 2026)
    assert rate(2027, "student_per_month.1").amount is None
    change = db.session.scalars(
        sa.select(UnitCostChange)
        .where(UnitCostChange.kind == UnitCostChangeKind.YEAR_ADDED)
        .join(UnitCostChange.year)
        .where(UnitCostYear.call_year == 2027)
    ).one()
    assert change.user_id == admin.id
    page = admin_client.get("/unit-costs/2027").get_data(as_text=True)
    assert "Start of the 2027 call" in page and "Ada Admin" in page
    assert "Group 1: higher living costs" in page and "Germany" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": ""}, "This field is required."),
        ({"call_year": "2023"}, "Call year 2023 has a table already"),
        ({"call_year": "1999"}, "Number must be between 2014 and 2100."),
        ({"sources": ""}, "This field is required."),
    ],
)
def test_adding_a_call_year_needs_valid_values(coordinator_client, changes, message):
    data = {"call_year": "2027", "copy_from": "2026", "sources": "PG 2027", "reason": "New"}
    response = coordinator_client.submit("/unit-costs/new", data | changes)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_a_coordinator_corrects_a_figure_and_the_change_is_shown(coordinator_client):
    target = rate(2025, "travel.standard.500-1999")
    url = f"/unit-costs/2025/rates/{target.id}"
    assert coordinator_client.submit(url, correction("315.00")).status_code == 302
    corrected = rate(2025, "travel.standard.500-1999")
    assert corrected.amount == Decimal("315.00")
    assert corrected.carried_over_from is None
    assert corrected.source == "Letter to the university"
    assert rate(2024, "travel.standard.500-1999").amount == Decimal("309.00")
    page = coordinator_client.get("/unit-costs/2025").get_data(as_text=True)
    assert "National Agency&#39;s letter of 3 March" in page or "letter of 3 March" in page
    assert "€ 309.00" in page and "€ 315.00" in page and "Cora Coord" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": ""}, "This field is required."),
        ({"source": ""}, "This field is required."),
        ({"amount": ""}, "This field is required."),
        ({"amount": "-1"}, "Enter an amount of 0 or more, below ten billion euro."),
        ({"amount": "abc"}, "Not a valid decimal value."),
    ],
)
def test_a_correction_needs_an_amount_a_source_and_a_reason(admin_client, changes, message):
    target = rate(2023, "staff_per_day.2")
    response = admin_client.submit(
        f"/unit-costs/2023/rates/{target.id}", correction("150.00") | changes
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert rate(2023, "staff_per_day.2").amount == Decimal("110.00")


def test_a_stale_correction_is_refused(admin_client):
    target = rate(2023, "staff_per_day.2")
    url = f"/unit-costs/2023/rates/{target.id}"
    admin_client.submit(url, correction("150.00", reason="First"))
    response = admin_client.submit(url, correction("155.00", reason="Second"))
    assert response.status_code == 409
    assert rate(2023, "staff_per_day.2").amount == Decimal("150.00")


@pytest.fixture
def mobilities_of_2024(coordinator, staff):
    """Long-term students to Finland of the 2024 call in every status, waiting for the
    monthly rate, and one of the 2023 call."""
    finland = make_organisation(country="FI", city="Helsinki", erasmus_code=None)
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2024,
        status=Status.ONGOING,
        start_date=date(2024, 6, 1),
        end_date=date(2026, 7, 31),
    )
    by_status = {
        status: make_mobility(
            staff,
            project,
            finland,
            status=status,
            start_date=date(2024, 9, 1),
            end_date=date(2025, 1, 31),
            grant_waiting_for="student_per_month.1",
        )
        for status in Status
    }
    completed = by_status[Status.COMPLETED]
    completed.grant_total = Decimal("2500.00")  # saved while another figure was in place
    completed.grant_waiting_for = None
    older = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.ONGOING,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    by_status["2023"] = make_mobility(
        staff, older, finland, grant_waiting_for="student_per_month.1"
    )
    db.session.commit()
    return by_status


def test_entering_a_missing_figure_recalculates_the_open_mobilities_of_that_year(
    coordinator_client, coordinator, mobilities_of_2024
):
    target = rate(2024, "student_per_month.1")
    response = coordinator_client.submit(
        f"/unit-costs/2024/rates/{target.id}", correction("600.00", reason="2024 rates")
    )
    assert response.status_code == 302
    flashed = coordinator_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "6 open mobilities of this call year recalculated." in flashed
    db.session.expire_all()
    open_statuses = set(Status) - {
        Status.COMPLETED, Status.CANCELLED, Status.REJECTED, Status.WITHDRAWN
    }  # fmt: skip
    for status, mobility in mobilities_of_2024.items():
        mobility = db.session.get(Mobility, mobility.id)
        if status in open_statuses:
            assert mobility.grant_total == Decimal("3000.00"), status  # 5 months × 600
            assert mobility.grant_waiting_for is None
            [entry] = db.session.scalars(
                sa.select(HistoryEntry).where(HistoryEntry.mobility_id == mobility.id)
            )
            assert entry.kind is HistoryKind.GRANT_RECALCULATED
            assert entry.user_id == coordinator.id
            assert entry.changes["grant_total"] == [None, "3000.00"]
            assert "2024 rates" in entry.comment
        elif status == Status.COMPLETED:
            assert mobility.grant_total == Decimal("2500.00")  # kept
        else:
            assert mobility.grant_total is None, status
    assert mobilities_of_2024["2023"].grant_waiting_for == "student_per_month.1"


def test_a_corrected_rate_changes_the_next_calculation(admin_client, coordinator, staff):
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    finland = make_organisation(country="FI", erasmus_code=None)
    target = rate(2023, "staff_per_day.1")
    admin_client.submit(f"/unit-costs/2023/rates/{target.id}", correction("130.00"))
    data = {
        "participant_name": "Eva",
        "participant_kind": ParticipantKind.STAFF.value,
        "activity_type": ActivityType.STA.value,
        "flow": "outgoing",
        "organisation_id": str(finland.id),
        "project_id": str(project.id),
        "start_date": "2024-03-04",
        "end_date": "2024-03-08",
        "distance_band": DistanceBand.KM_500_1999.value,
        "travel_days": "0",
        "owner_id": "",
    }
    preview = admin_client.submit("/mobilities/grant-preview", data).get_data(as_text=True)
    assert "5 days × €130" in preview
    assert "€ 925.00" in preview  # 5 × 130 + 275 travel
