"""The form proposes what it can: the distance band from the map, and for a KA171 project only
that project's partners. Both work without JavaScript (a round trip to the server)."""

import re

import pytest

from tests.factories import make_mobility, make_organisation
from tests.mobilities.test_mobility_form import form_data, only_mobility
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.models import HistoryEntry, HistoryKind

pytestmark = pytest.mark.usefixtures("unit_costs")
BERLIN_PROPOSAL = "The map proposes 500–1,999 km: Leiden to Berlin is 607 km."


@pytest.fixture
def berlin(app):
    return make_organisation(name="Humboldt-Universität zu Berlin", country="DE", city="Berlin")


def staff_teaching(project, partner, **changes):
    fields = dict(participant_kind="staff", activity_type="STA", start_date="2024-03-04",
                  end_date="2024-03-08")  # fmt: skip
    return form_data(project, partner, **(fields | changes))


def selected_band(page):
    select = page[page.index('name="distance_band"') :].split("</select>")[0]
    chosen = re.search(r'<option selected value="([^"]*)"', select)
    return chosen.group(1) if chosen else ""


def options_of(page, name):
    select = page[page.index(f'name="{name}"') :].split("</select>")[0]
    return re.findall(r">([^<]+)</option>", select)


def test_without_javascript_the_calculate_button_proposes_the_band(staff_client, ka131, berlin):
    page = staff_client.submit(
        "/mobilities/new", staff_teaching(ka131, berlin, calculate="1")
    ).get_data(as_text=True)
    assert BERLIN_PROPOSAL in page
    assert selected_band(page) == "500-1999"
    assert "Travel, 500–1,999 km" in page


def test_the_proposal_fragment_for_the_script(staff_client, berlin):
    response = staff_client.get(f"/mobilities/band-proposal?organisation_id={berlin.id}")
    assert response.status_code == 200
    fragment = response.get_data(as_text=True)
    assert 'data-band="500-1999"' in fragment and BERLIN_PROPOSAL in fragment
    assert "<html" not in fragment


def test_a_band_left_empty_is_the_proposed_one_and_no_choice_is_recorded(
    staff_client, ka131, berlin
):
    assert staff_client.submit("/mobilities/new", staff_teaching(ka131, berlin)).status_code == 302
    assert only_mobility().distance_band.value == "500-1999"
    kinds = db.session.scalars(db.select(HistoryEntry.kind)).all()
    assert HistoryKind.BAND_CHOSEN not in kinds


def test_the_history_records_a_band_other_than_the_proposed_one(staff_client, ka131, berlin):
    data = staff_teaching(ka131, berlin, distance_band="2000-2999")
    response = staff_client.submit("/mobilities/new", data)
    assert response.status_code == 302
    entry = db.session.scalars(
        db.select(HistoryEntry).where(HistoryEntry.kind == HistoryKind.BAND_CHOSEN)
    ).one()
    assert entry.changes == {"distance_band": ["500–1,999 km", "2,000–2,999 km"]}
    assert entry.comment == BERLIN_PROPOSAL
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Distance band chosen by hand" in page


def test_a_partner_the_map_does_not_know_leaves_the_band_to_the_user(staff_client, ka131):
    somewhere = make_organisation(country="DE", city="Atlantis", erasmus_code=None)
    page = staff_client.submit(
        "/mobilities/new", staff_teaching(ka131, somewhere, calculate="1")
    ).get_data(as_text=True)
    assert "Atlantis (DE) is not among the cities the map knows" in page
    assert selected_band(page) == ""


def test_without_javascript_a_ka171_project_shows_only_its_partners(staff_client, ka171, partners):
    page = staff_client.get("/mobilities/new").get_data(as_text=True)
    assert "University in FI (FI)" in options_of(page, "organisation_id")
    data = form_data(ka171, partners["ID"], show_partners="1")
    response = staff_client.submit("/mobilities/new", data)
    assert response.status_code == 200
    offered = options_of(response.get_data(as_text=True), "organisation_id")
    assert offered[1:] == [
        "University in BR (BR)",
        "University in ID (ID)",
        "University in KE (KE)",
    ]
    assert db.session.scalars(db.select(Mobility)).all() == []


def test_the_script_gets_the_partners_of_a_project(staff_client, ka131, ka171, partners):
    ka171_options = staff_client.get(f"/mobilities/partner-options?project_id={ka171.id}")
    offered = re.findall(r">([^<]+)</option>", ka171_options.get_data(as_text=True))
    assert offered[1:] == [
        "University in BR (BR)",
        "University in ID (ID)",
        "University in KE (KE)",
    ]
    ka131_page = staff_client.get(f"/mobilities/partner-options?project_id={ka131.id}")
    assert "University in FI (FI)" in ka131_page.get_data(as_text=True)


def test_a_ka171_mobility_with_an_organisation_outside_the_project_is_refused(
    staff_client, ka171, partners
):
    other = make_organisation(name="Universidad de Chile", country="CL", erasmus_code=None)
    data = form_data(ka171, other, start_date="2023-02-01", end_date="2023-06-30")
    response = staff_client.submit("/mobilities/new", data)
    assert response.status_code == 422
    assert "Universidad de Chile is not a partner of this KA171 project" in response.get_data(
        as_text=True
    )


def test_an_edit_keeps_the_mobilitys_partner_on_offer(coordinator_client, staff, ka171, partners):
    """A correction never loses the partner a mobility has, even one the project dropped."""
    former = make_organisation(name="Former partner", country="CL", erasmus_code=None)
    mobility = make_mobility(staff, ka171, former)
    page = coordinator_client.get(f"/mobilities/{mobility.id}/edit").get_data(as_text=True)
    assert "Former partner (CL)" in options_of(page, "organisation_id")
