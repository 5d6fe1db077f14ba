"""Every rule of the mobility form, one bad value at a time: 422, the message, values kept."""

from datetime import date

import pytest

from tests.factories import make_project
from tests.mobilities.test_mobility_form import form_data
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.states import Status

pytestmark = pytest.mark.usefixtures("unit_costs")

# (partner country, changed fields, message)
BAD_VALUES = [
    ("FI", {"participant_name": ""}, "This field is required."),
    ("FI", {"participant_email": "not-an-address"}, "Invalid email address."),
    ("FI", {"start_date": "31-12-2023"}, "Not a valid date value."),
    ("FI", {"end_date": "2023-08-01"}, "The end date comes before the start date."),
    (
        "FI",
        {"participant_kind": "staff"},
        "Student mobility for studies is not open to this participant",
    ),
    ("FI", {"end_date": "2023-10-15"}, "Student mobility for studies lasts 60–366 days"),
    ("FI", {"end_date": "2024-09-30"}, "these dates give 396 days"),
    (
        "FI",
        {"participant_kind": "staff", "activity_type": "STA", "end_date": "2023-09-01"},
        "Staff mobility for teaching lasts 2–60 days",
    ),
    (
        "FI",
        {"participant_kind": "staff", "activity_type": "STT", "end_date": "2023-11-30"},
        "Staff mobility for training lasts 2–60 days",
    ),
    (
        "FI",
        {"activity_type": "BIP", "end_date": "2023-09-03"},
        "Blended intensive programme lasts 5–30 days",
    ),
    ("FI", {"activity_type": "SMS-DOC", "end_date": "2023-10-31"}, "lasts 5–30 days"),
    ("FI", {"virtual_component": "y"}, "Only a blended intensive programme"),
    ("FI", {"flow": "incoming"}, "KA131 does not fund incoming mobility."),
    (
        "FI",
        {"start_date": "2023-05-01", "end_date": "2023-09-30"},
        "period, 2023-06-01 to 2025-07-31",
    ),
    (
        "FI",
        {"start_date": "2025-06-01", "end_date": "2025-08-31"},
        "The mobility must take place within the project",
    ),
    ("FI", {"travel_days": "7"}, "Number must be between 0 and 6."),
    ("FI", {"organisation_id": "0"}, "This field is required."),
    ("FI", {"project_id": "0"}, "This field is required."),
]


@pytest.mark.parametrize(("country", "changes", "message"), BAD_VALUES)
def test_one_bad_value_is_refused_with_its_message(
    staff_client, ka131, partners, country, changes, message
):
    data = form_data(ka131, partners[country], **changes)
    response = staff_client.submit("/mobilities/new", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert 'value="eva@student.example.edu"' in page or "participant_email" in changes
    assert db.session.scalars(db.select(Mobility)).all() == []


def test_ka171_refuses_a_partner_outside_regions_1_to_12(staff_client, ka171, partners):
    data = form_data(ka171, partners["US"], start_date="2023-02-01", end_date="2023-06-30")
    response = staff_client.submit("/mobilities/new", data)
    assert response.status_code == 422
    assert "KA171 works with partners in third countries not associated" in response.get_data(
        as_text=True
    )


def test_ka171_refuses_a_partner_in_a_programme_country(staff_client, ka171, partners):
    data = form_data(ka171, partners["DE"], start_date="2023-02-01", end_date="2023-06-30")
    assert staff_client.submit("/mobilities/new", data).status_code == 422


@pytest.mark.parametrize(
    ("action", "status"),
    [
        (Action.KA220_HED, Status.APPROVED),
        (Action.KA131_HED, Status.DRAFT),
        (Action.KA131_HED, Status.SUBMITTED),
        (Action.KA131_HED, Status.COMPLETED),
    ],
)
def test_only_approved_or_ongoing_ka131_and_ka171_projects_fund_mobilities(
    staff_client, coordinator, partners, action, status
):
    project = make_project(
        coordinator,
        action=action,
        call_year=2023,
        status=status,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    page = staff_client.get("/mobilities/new").get_data(as_text=True)
    assert f">{project} (" not in page
    response = staff_client.submit("/mobilities/new", form_data(project, partners["FI"]))
    assert response.status_code == 422
    assert "Choose an approved or ongoing KA131 or KA171 project." in response.get_data(
        as_text=True
    )


def test_a_short_term_traineeship_is_allowed(staff_client, ka131, partners):
    data = form_data(ka131, partners["FI"], activity_type="SMT", end_date="2023-09-20")
    assert staff_client.submit("/mobilities/new", data).status_code == 302


def test_a_bip_may_have_a_virtual_component(staff_client, ka131, partners):
    data = form_data(
        ka131, partners["BE"], activity_type="BIP", end_date="2023-09-07", virtual_component="y"
    )
    assert staff_client.submit("/mobilities/new", data).status_code == 302


@pytest.mark.parametrize("name", ["participant_kind", "activity_type", "flow", "distance_band"])
def test_a_forged_choice_is_refused_not_a_server_error(staff_client, ka131, partners, name):
    data = form_data(ka131, partners["FI"], **{name: "forged"})
    response = staff_client.submit("/mobilities/new", data)
    assert response.status_code == 422
    assert "Not a valid choice." in response.get_data(as_text=True)
