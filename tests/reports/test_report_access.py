"""Who sees what in the office reports: staff their own records, the office everything."""

import csv
import io
from decimal import Decimal

import pytest

from tests.conftest import sign_in
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.reports.report_queries import REPORTED_STATUSES
from tracker.workflow.states import NOT_COMMITTED, Status


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"), newline="")))


def expected_priority_rows(projects, mobilities, priorities):
    rows = []
    for priority in priorities:
        mine = [p for p in projects if priority in p.priorities]
        moving = [
            m for m in mobilities if priority in m.priorities and m.status not in NOT_COMMITTED
        ]
        rows.append(
            [
                priority.name_en,
                str(len(mine)),
                str(sum((p.requested_amount or 0 for p in mine), Decimal("0.00"))),
                str(sum((p.awarded_amount or 0 for p in mine), Decimal("0.00"))),
                str(len(moving)),
                str(sum((m.grant_amount or 0 for m in moving), Decimal("0.00"))),
            ]
        )
    return rows


def test_staff_priorities_report_counts_their_own_records_only(
    staff_client, staff, records, priorities
):
    own_projects = [p for p in records["projects"] if p.owner_id == staff.id]
    own_mobilities = [m for m in records["mobilities"] if m.owner_id == staff.id]

    rows = csv_rows(staff_client.get("/reports/priorities.csv"))

    assert rows[1:] == expected_priority_rows(own_projects, own_mobilities, priorities)


def test_the_office_priorities_report_counts_every_record(coordinator_client, records, priorities):
    rows = csv_rows(coordinator_client.get("/reports/priorities.csv?call_year=2024"))
    projects = [p for p in records["projects"] if p.call_year == 2024]
    mobilities = [m for m in records["mobilities"] if m.project.call_year == 2024]
    assert rows[1:] == expected_priority_rows(projects, mobilities, priorities)


def test_staff_budget_report_lists_their_own_projects_only(staff_client, staff, records):
    own = {p.title for p in records["projects"] if p.owner_id == staff.id}

    rows = csv_rows(staff_client.get("/reports/budget.csv"))
    page = staff_client.get("/reports/budget").get_data(as_text=True)

    assert {row[2] for row in rows[1:]} == own
    for project in records["projects"]:
        shown = f">{project.title}</a>" in page
        assert shown == (project.owner_id == staff.id)


def test_the_budget_report_gives_committed_and_remaining_per_project(coordinator_client, records):
    rows = csv_rows(coordinator_client.get("/reports/budget.csv"))
    by_title = {row[2]: row for row in rows[1:]}
    assert len(by_title) == len(records["projects"])
    for project in records["projects"]:
        committed = sum(
            (
                m.grant_amount
                for m in records["mobilities"]
                if m.project_id == project.id and m.status not in NOT_COMMITTED
            ),
            Decimal("0.00"),
        )
        row = by_title[project.title]
        assert row[8] == str(committed)
        assert row[9] == "0.00"  # no blended intensive programmes organised
        remaining = project.awarded_amount - committed if project.awarded_amount is not None else ""
        assert row[10] == str(remaining)


def ka1_project(records, owner):
    return next(
        p
        for p in records["projects"]
        if p.owner_id == owner.id and p.action in (Action.KA131_HED, Action.KA171_HED)
    )


@pytest.mark.parametrize("suffix", ["", ".csv", ".xlsx"])
def test_staff_get_404_for_another_persons_project_report(
    staff_client, other_staff, records, suffix
):
    project = ka1_project(records, other_staff)
    url = f"/reports/projects/{project.id}/mobilities{suffix}"
    assert staff_client.get(url).status_code == 404


def test_the_project_owners_report_holds_every_reported_mobility_of_the_project(
    staff_client, staff, records
):
    """A colleague's mobility funded by the project is the owner's to report too."""
    project = ka1_project(records, staff)
    rows = csv_rows(staff_client.get(f"/reports/projects/{project.id}/mobilities.csv"))
    expected = {
        m.participant_name
        for m in records["mobilities"]
        if m.project_id == project.id and m.status in REPORTED_STATUSES
    }
    assert {row[0] for row in rows[1:]} == expected


def test_a_project_that_funds_no_mobilities_has_no_mobility_report(coordinator_client, records):
    ka220 = next(p for p in records["projects"] if p.action is Action.KA220_HED)
    assert coordinator_client.get(f"/reports/projects/{ka220.id}/mobilities").status_code == 404


def test_the_reports_page_offers_staff_their_own_projects(staff_client, staff, records):
    page = staff_client.get("/reports/").get_data(as_text=True)
    for project in records["projects"]:
        if project.action in (Action.KA131_HED, Action.KA171_HED):
            listed = f'/reports/projects/{project.id}/mobilities"' in page
            assert listed == (project.owner_id == staff.id)
    assert "/reports/dashboard" not in page


@pytest.mark.parametrize(
    "url",
    [
        "/reports/",
        "/reports/priorities.csv",
        "/reports/priorities.xlsx",
        "/reports/budget",
        "/reports/dashboard",
    ],
)
def test_reports_need_a_signed_in_user(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_the_priorities_report_counts_again_once_a_record_changed(
    app, coordinator_client, staff, records, priorities
):
    """Its sums are kept between views (they read every mobility's priorities): a change
    committed meanwhile shows at once, and staff never get the office's sums."""
    first = csv_rows(coordinator_client.get("/reports/priorities.csv"))
    moving = next(
        m for m in records["mobilities"] if m.status not in NOT_COMMITTED and m.priorities
    )
    moving.status = Status.WITHDRAWN
    db.session.commit()

    again = csv_rows(coordinator_client.get("/reports/priorities.csv"))

    assert again[1:] == expected_priority_rows(
        records["projects"], records["mobilities"], priorities
    )
    assert again != first
    own_projects = [p for p in records["projects"] if p.owner_id == staff.id]
    own_mobilities = [m for m in records["mobilities"] if m.owner_id == staff.id]
    staff_client = sign_in(app.test_client(), staff)
    mine = csv_rows(staff_client.get("/reports/priorities.csv"))
    assert mine[1:] == expected_priority_rows(own_projects, own_mobilities, priorities)
