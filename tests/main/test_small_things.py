"""The small things that cost trust: the year the home opens on, days waiting counted
one way, a favicon, a project owner's view of what the project funds, the National
Agency report's statuses."""

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.records.history import log_history
from tracker.workflow.models import HistoryKind
from tracker.workflow.states import Status


def ka171(owner, **fields):
    fields.setdefault("call_year", 2025)
    return make_project(
        owner,
        action=Action.KA171_HED,
        status=Status.APPROVED,
        start_date=date(2025, 8, 1),
        end_date=date(2027, 7, 31),
        **fields,
    )


def test_the_office_home_opens_on_the_latest_call_year_with_mobilities(coordinator_client, staff):
    funded = ka171(staff, call_year=2025)
    make_mobility(staff, funded, make_organisation())
    make_project(staff, call_year=2027)  # new applications, no mobilities yet
    page = coordinator_client.get("/").get_data(as_text=True)
    assert '<option selected value="2025">2025</option>' in page
    assert '<option value="2027">2027</option>' in page, "the newer year can still be chosen"
    chosen = coordinator_client.get("/?call_year=2027").get_data(as_text=True)
    assert '<option selected value="2027">2027</option>' in chosen


def test_days_waiting_are_the_same_on_the_dashboard_and_in_the_review_queue(app, coordinator):
    """Submitted late yesterday evening (office time): one day, on both pages."""
    owner = make_user(Role.STAFF)
    project = make_project(owner, title="Late evening application", status=Status.SUBMITTED)
    office = ZoneInfo(app.config["OFFICE_TIMEZONE"])
    yesterday = datetime.now(office).date() - timedelta(days=1)
    entry = log_history(
        project, owner, HistoryKind.STATUS, from_status=Status.DRAFT, to_status=Status.SUBMITTED
    )
    entry.created_at = datetime.combine(yesterday, time(23, 59), office).astimezone(UTC)
    db.session.commit()
    client = sign_in(app.test_client(), coordinator)
    shown = []
    for path in ("/", "/review"):
        page = client.get(path).get_data(as_text=True)
        row = re.search(r"Late evening application.*?</tr>", page, re.S).group(0)
        shown.append(re.findall(r'<td class="number[^"]*">(\d+)</td>', row))
    assert shown == [["1"], ["1"]]


def test_there_is_a_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.get_data().startswith(b"\x00\x00\x01\x00")  # an ICO file's header
    page = client.get("/login").get_data(as_text=True)
    assert '<link rel="icon" href="/favicon.ico"' in page
    assert client.get("/static/favicon.svg").status_code == 200


@pytest.fixture
def colleagues_mobility(app, staff, other_staff):
    """Sam owns a KA171 project; Olga's mobility spends its budget."""
    project = ka171(staff, acronym="ICM-2023")
    mobility = make_mobility(
        other_staff, project, make_organisation(), participant_name="Colin Colleague"
    )
    elsewhere = make_mobility(
        other_staff, ka171(other_staff), make_organisation(), participant_name="Nora Elsewhere"
    )
    return project, mobility, elsewhere


def test_a_project_owner_sees_every_mobility_the_project_funds(staff_client, colleagues_mobility):
    project, mobility, elsewhere = colleagues_mobility
    page = staff_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Colin Colleague" in page
    assert "No mobilities in this project yet" not in page
    assert staff_client.get(f"/mobilities/{mobility.id}").status_code == 200
    assert staff_client.get(f"/mobilities/{mobility.id}/edit").status_code in (403, 404)
    assert staff_client.get(f"/mobilities/{elsewhere.id}").status_code == 404


def test_someone_else_still_sees_only_their_own(app, colleagues_mobility):
    project, mobility, _elsewhere = colleagues_mobility
    stranger = sign_in(app.test_client(), make_user(Role.STAFF))
    assert stranger.get(f"/mobilities/{mobility.id}").status_code == 404
    assert stranger.get(f"/projects/{project.id}").status_code == 404


def test_the_national_agency_report_holds_only_decided_mobilities_and_says_so(
    staff_client, staff, other_staff
):
    project = ka171(staff)
    partner = make_organisation()
    for status in Status:
        owner = other_staff if status is Status.COMPLETED else staff
        make_mobility(
            owner, project, partner, participant_name=f"Person {status.value}", status=status
        )
    page = staff_client.get(f"/reports/projects/{project.id}/mobilities").get_data(as_text=True)
    listed = sorted(s.value for s in Status if f"Person {s.value}<" in page)
    assert listed == ["approved", "completed", "ongoing"]
    assert "3 mobilities (approved, ongoing or completed only)" in page
    index = staff_client.get("/reports/").get_data(as_text=True)
    assert "Download these 3 rows as CSV" in index
    csv_text = staff_client.get(f"/reports/projects/{project.id}/mobilities.csv").get_data(
        as_text=True
    )
    assert len(csv_text.strip().splitlines()) == 1 + 3
