"""A mobility made in fewer steps: started from its funding project, saved and submitted at once."""

import re

import pytest

from tests.mobilities.test_mobility_form import form_data, only_mobility
from tracker.extensions import db
from tracker.priorities.models import Priority
from tracker.workflow.states import Status

pytestmark = pytest.mark.usefixtures("unit_costs")


def selected(page, select_id):
    """The values of the selected <option>s of the select with this id."""
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option selected value="([^"]*)"', select) + re.findall(
        r'<option value="([^"]*)" selected', select
    )


def test_the_project_page_offers_a_new_mobility_with_the_project_chosen(
    coordinator_client, staff_client, ka171, partners
):
    project_page = coordinator_client.get(f"/projects/{ka171.id}").get_data(as_text=True)
    assert f'href="/mobilities/new?project_id={ka171.id}"' in project_page

    form = staff_client.get(f"/mobilities/new?project_id={ka171.id}").get_data(as_text=True)

    assert selected(form, "project_id") == [str(ka171.id)]
    offered = re.search(r'<select[^>]*id="organisation_id"[^>]*>(.*?)</select>', form, re.S)
    names = re.findall(r">([^<]+)</option>", offered.group(1))
    assert sorted(name.split(" (")[0] for name in names if "University" in name) == [
        "University in BR",
        "University in ID",
        "University in KE",
    ], "only the KA171 project's partners"


@pytest.mark.usefixtures("student_rates_entered")
def test_save_and_submit_submits_a_complete_mobility_at_once(staff_client, ka131, partners):
    priority = db.session.scalars(db.select(Priority)).first()
    data = form_data(ka131, partners["FI"], priorities=str(priority.id), and_submit="1")

    response = staff_client.submit("/mobilities/new", data)

    assert response.status_code == 302
    assert only_mobility().status is Status.SUBMITTED


@pytest.mark.usefixtures("student_rates_entered")
def test_save_and_submit_keeps_an_incomplete_mobility_and_marks_what_is_missing(
    staff_client, ka131, partners
):
    data = form_data(ka131, partners["FI"], participant_email="", and_submit="1")

    response = staff_client.submit("/mobilities/new", data)

    mobility = only_mobility()
    assert mobility.status is Status.DRAFT
    assert response.headers["Location"].endswith(f"/mobilities/{mobility.id}/edit?missing=1")
    form = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'id="participant_email-error">Participant e-mail address is missing.' in form
    assert "Choose at least one Erasmus+ priority the mobility addresses." in form
