"""Creating and editing mobilities through the form: validation, the grant stored, history."""

from datetime import date
from decimal import Decimal

import pytest

from tests.factories import make_mobility, make_project
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status

pytestmark = pytest.mark.usefixtures("unit_costs")


def form_data(project, partner, **changes):
    data = {
        "participant_name": "Eva Example",
        "participant_email": "eva@student.example.edu",
        "participant_kind": "student",
        "activity_type": "SMS",
        "flow": "outgoing",
        "organisation_id": str(partner.id),
        "project_id": str(project.id),
        "start_date": "2023-09-01",
        "end_date": "2024-01-31",
        "distance_band": "",
        "travel_days": "0",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def only_mobility():
    db.session.expire_all()
    return db.session.scalars(db.select(Mobility)).one()


@pytest.mark.usefixtures("student_rates_entered")
def test_staff_creates_a_mobility_and_the_grant_is_stored(staff_client, staff, ka131, partners):
    response = staff_client.submit("/mobilities/new", form_data(ka131, partners["FI"]))
    assert response.status_code == 302
    mobility = only_mobility()
    assert mobility.owner_id == staff.id
    assert mobility.faculty == staff.faculty
    assert mobility.grant_individual == Decimal("3000.00")
    assert mobility.grant_total == Decimal("3000.00")
    assert mobility.grant_waiting_for is None
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Individual support: 5 months × €600" in page
    assert "153 days" in page


def test_a_grant_waiting_for_a_missing_figure_is_stored_as_waiting_and_says_which(
    staff_client, ka131, partners
):
    response = staff_client.submit("/mobilities/new", form_data(ka131, partners["FI"]))
    assert response.status_code == 302
    mobility = only_mobility()
    assert mobility.grant_total is None
    assert mobility.grant_waiting_for == "student_per_month.1"
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Grant waiting for the call year's unit costs" in page
    assert "Students long-term, per month, Group 1: higher living costs" in page


# The calculator's worked examples (tests/mobilities/test_grants.py), typed into the form.
WORKED_EXAMPLES = [
    ("FI", "ka131", {}, "3000.00"),
    (
        "ES",
        "ka131",
        dict(
            activity_type="SMT",
            start_date="2024-02-01",
            end_date="2024-03-31",
            fewer_opportunities="y",
            distance_band="500-1999",
        ),
        "2175.00",
    ),
    (
        "DE",
        "ka131",
        dict(
            participant_kind="staff",
            activity_type="STA",
            start_date="2024-03-04",
            end_date="2024-03-08",
            distance_band="500-1999",
            green_travel="y",
            travel_days="4",
        ),
        "1310.00",
    ),
    (
        "PL",
        "ka131",
        dict(
            participant_kind="staff",
            activity_type="STT",
            start_date="2024-04-01",
            end_date="2024-04-20",
            distance_band="500-1999",
        ),
        "2095.00",
    ),
    ("IT", "ka131", dict(start_date="2023-09-01", end_date="2024-02-10"), "2933.33"),
    (
        "BE",
        "ka131",
        dict(
            activity_type="BIP",
            start_date="2024-05-06",
            end_date="2024-05-12",
            fewer_opportunities="y",
            distance_band="100-499",
        ),
        "770.00",
    ),
    (
        "ID",
        "ka171",
        dict(
            flow="incoming", start_date="2023-02-01", end_date="2023-06-30", distance_band="8000+"
        ),
        "5750.00",
    ),
    (
        "KE",
        "ka171",
        dict(
            participant_kind="staff",
            activity_type="STA",
            flow="incoming",
            start_date="2023-03-06",
            end_date="2023-03-10",
            distance_band="4000-7999",
            travel_days="3",
        ),
        "1940.00",
    ),
]


@pytest.mark.usefixtures("student_rates_entered")
@pytest.mark.parametrize(("country", "project", "fields", "total"), WORKED_EXAMPLES)
def test_worked_examples_store_the_calculated_grant(
    request, staff_client, partners, country, project, fields, total
):
    project = request.getfixturevalue(project)
    response = staff_client.submit(
        "/mobilities/new", form_data(project, partners[country], **fields)
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    mobility = only_mobility()
    assert mobility.grant_total == Decimal(total)
    assert mobility.grant_individual + mobility.grant_travel + mobility.grant_top_ups == Decimal(
        total
    )


@pytest.mark.usefixtures("student_rates_entered")
def test_calculate_button_shows_the_breakdown_without_saving(staff_client, ka131, partners):
    data = form_data(ka131, partners["FI"], calculate="1")
    response = staff_client.submit("/mobilities/new", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Individual support: 5 months × €600" in page
    assert "Destination group in the 2023 call: Group 1: higher living costs." in page
    assert db.session.scalars(db.select(Mobility)).all() == []


@pytest.mark.usefixtures("student_rates_entered")
def test_grant_preview_returns_the_breakdown_fragment(staff_client, ka131, partners):
    response = staff_client.submit("/mobilities/grant-preview", form_data(ka131, partners["FI"]))
    assert response.status_code == 200
    fragment = response.get_data(as_text=True)
    assert "€ 3,000.00" in fragment
    assert "<html" not in fragment


def test_grant_preview_needs_the_csrf_token(staff_client, ka131, partners):
    response = staff_client.post("/mobilities/grant-preview", data=form_data(ka131, partners["FI"]))
    assert response.status_code == 400


def test_a_call_year_without_unit_costs_says_so_and_stores_no_grant(
    staff_client, coordinator, partners
):
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2027,
        status=Status.APPROVED,
        start_date=date(2027, 6, 1),
        end_date=date(2029, 7, 31),
    )
    data = form_data(project, partners["FI"], start_date="2027-09-01", end_date="2028-01-31")
    preview = staff_client.submit("/mobilities/grant-preview", data)
    assert "No unit costs for call year 2027" in preview.get_data(as_text=True)
    response = staff_client.submit("/mobilities/new", data)
    assert response.status_code == 302
    mobility = only_mobility()
    assert mobility.grant_total is None and mobility.grant_individual is None
    assert mobility.grant_waiting_for == "call_year"
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "No unit costs for call year 2027" in page


def test_coordinator_enters_the_grant_by_hand_where_there_are_no_unit_costs(
    coordinator_client, coordinator, partners
):
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2027,
        status=Status.ONGOING,
        start_date=date(2027, 6, 1),
        end_date=date(2029, 7, 31),
    )
    data = form_data(
        project,
        partners["FI"],
        start_date="2027-09-01",
        end_date="2028-01-31",
        owner_id=str(coordinator.id),
        grant_override_total="2950.50",
        grant_override_reason="Rates of the 2027 call from the National Agency's letter",
    )
    assert coordinator_client.submit("/mobilities/new", data).status_code == 302
    mobility = only_mobility()
    assert mobility.grant_amount == Decimal("2950.50")
    entry = db.session.scalars(
        db.select(HistoryEntry).where(HistoryEntry.kind == HistoryKind.GRANT_OVERRIDDEN)
    ).one()
    assert entry.changes == {"grant_override_total": [None, "2950.50"]}
    assert entry.comment == "Rates of the 2027 call from the National Agency's letter"


def test_override_needs_a_reason(coordinator_client, coordinator, ka131, partners):
    data = form_data(
        ka131, partners["FI"], owner_id=str(coordinator.id), grant_override_total="100.00"
    )
    response = coordinator_client.submit("/mobilities/new", data)
    assert response.status_code == 422
    assert "Say why the grant is set by hand." in response.get_data(as_text=True)


def test_coordinator_overrides_an_existing_grant_and_the_history_keeps_it(
    coordinator_client, coordinator, staff, ka131, partners
):
    mobility = make_mobility(staff, ka131, partners["FI"], grant_total=Decimal("2600.00"))
    data = form_data(
        ka131,
        partners["FI"],
        owner_id=str(staff.id),
        version=str(mobility.version),
        grant_override_total="2000.00",
        grant_override_reason="Stay shortened by agreement",
    )
    response = coordinator_client.submit(f"/mobilities/{mobility.id}/edit", data)
    assert response.status_code == 302
    page = coordinator_client.get(f"/mobilities/{mobility.id}").get_data(as_text=True)
    assert "Grant overridden" in page
    assert "Stay shortened by agreement" in page
    assert "Set by" in page and "Cora Coord" in page
    assert "2000.00" in page


def test_staff_cannot_override_the_grant(staff_client, staff, ka131, partners):
    data = form_data(
        ka131, partners["FI"], grant_override_total="9999.00", grant_override_reason="Because"
    )
    assert staff_client.submit("/mobilities/new", data).status_code == 403
    assert db.session.scalars(db.select(Mobility)).all() == []
    page = staff_client.get("/mobilities/new").get_data(as_text=True)
    assert "grant_override_total" not in page


def test_an_edit_lists_the_fields_changed_in_the_history(staff_client, staff, ka131, partners):
    mobility = make_mobility(staff, ka131, partners["FI"])
    data = form_data(
        ka131, partners["FI"], participant_name="Eva Renamed", version=str(mobility.version)
    )
    assert staff_client.submit(f"/mobilities/{mobility.id}/edit", data).status_code == 302
    entry = db.session.scalars(
        db.select(HistoryEntry).where(HistoryEntry.kind == HistoryKind.EDITED)
    ).one()
    assert entry.changes["participant_name"][1] == "Eva Renamed"
    assert "project" not in entry.changes


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(staff_client, staff, ka131, partners):
    mobility = make_mobility(staff, ka131, partners["FI"])
    data = form_data(
        ka131, partners["FI"], participant_name="Typed Meanwhile", version=str(mobility.version - 1)
    )
    response = staff_client.submit(f"/mobilities/{mobility.id}/edit", data)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Typed Meanwhile" in page
    assert "The version saved meanwhile" in page
    assert only_mobility().participant_name != "Typed Meanwhile"


def test_coordinator_assigns_another_owner(coordinator_client, other_staff, ka131, partners):
    data = form_data(ka131, partners["FI"], owner_id=str(other_staff.id))
    assert coordinator_client.submit("/mobilities/new", data).status_code == 302
    mobility = only_mobility()
    assert mobility.owner_id == other_staff.id
    assert mobility.faculty == other_staff.faculty


def test_staff_cannot_edit_their_mobility_once_submitted(staff_client, staff, ka131, partners):
    mobility = make_mobility(staff, ka131, partners["FI"], status=Status.SUBMITTED)
    assert staff_client.get(f"/mobilities/{mobility.id}/edit").status_code == 403
    data = form_data(ka131, partners["FI"], version=str(mobility.version))
    assert staff_client.submit(f"/mobilities/{mobility.id}/edit", data).status_code == 403


@pytest.mark.usefixtures("student_rates_entered")
def test_the_edit_form_shows_the_saved_values_and_duration(staff_client, staff, ka131, partners):
    mobility = make_mobility(staff, ka131, partners["FI"], participant_name="Shown Name")
    page = staff_client.get(f"/mobilities/{mobility.id}/edit").get_data(as_text=True)
    assert 'value="Shown Name"' in page
    assert 'value="2023-09-01"' in page
    assert "Duration: 153 days" in page
    assert "Individual support: 5 months × €600" in page


def test_a_mobility_keeps_its_project_once_that_project_is_completed(
    coordinator_client, coordinator, ka131, partners, unit_costs
):
    """New mobilities need an approved or ongoing project; an existing one may still be
    corrected after its project has moved on."""
    mobility = make_mobility(coordinator, ka131, partners["FI"])
    ka131.status = Status.COMPLETED
    db.session.commit()
    offered = coordinator_client.get("/mobilities/new").get_data(as_text=True)
    assert "KA131-2023 (KA131-HED, 2023)" not in offered
    response = coordinator_client.submit(
        f"/mobilities/{mobility.id}/edit",
        form_data(
            ka131,
            partners["FI"],
            participant_name="Corrected Name",
            version=str(mobility.version),
            owner_id=str(coordinator.id),
        ),
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert only_mobility().participant_name == "Corrected Name"
    assert only_mobility().project_id == ka131.id
    new = coordinator_client.submit("/mobilities/new", form_data(ka131, partners["FI"]))
    assert new.status_code == 422


def test_the_office_saving_a_mobility_of_a_deactivated_owner_keeps_that_owner(
    coordinator_client, staff, ka131, partners
):
    """The owner select keeps the current owner, active or not: a browser posts the option
    shown as chosen, so a missing one would give the mobility to whoever comes first."""
    mobility = make_mobility(staff, ka131, partners["FI"])
    staff.active = False
    db.session.commit()
    page = coordinator_client.get(f"/mobilities/{mobility.id}/edit").get_data(as_text=True)
    assert f'<option selected value="{staff.id}">' in page
    data = form_data(ka131, partners["FI"], owner_id=str(staff.id), version=str(mobility.version))
    assert coordinator_client.submit(f"/mobilities/{mobility.id}/edit", data).status_code == 302
    assert only_mobility().owner_id == staff.id
