"""The coordinator dashboard: every figure, counted again here with plain loops."""

import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import make_mobility, make_organisation, make_project
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.reports import dashboard_queries, ka171_queries
from tracker.reports.dashboard import TOP
from tracker.workflow.states import Status

FIGURE = re.compile(r'<a class="figure" href="([^"]+)">(\d+)</a>')
NOT_COMMITTED = {Status.REJECTED, Status.WITHDRAWN, Status.CANCELLED}


def project_matches(project, args):
    tests = {
        "call_year": lambda v: project.call_year == int(v),
        "faculty": lambda v: project.faculty == v,
        "status": lambda v: project.status.value == v,
        "action": lambda v: project.action.value == v,
        "key_action": lambda v: project.action.key_action.value == v,
        "priority": lambda v: int(v) in [p.id for p in project.priorities],
    }
    return all(tests[name](value) for name, value in args.items())


def mobility_matches(mobility, args):
    country = mobility.organisation.country if mobility.organisation else None
    tests = {
        "call_year": lambda v: (
            mobility.project is not None and mobility.project.call_year == int(v)
        ),
        "faculty": lambda v: mobility.faculty == v,
        "status": lambda v: mobility.status.value == v,
        "activity_type": lambda v: mobility.activity_type.value == v,
        "flow": lambda v: mobility.flow.value == v,
        "country": lambda v: country == v,
        "priority": lambda v: int(v) in [p.id for p in mobility.priorities],
    }
    return all(tests[name](value) for name, value in args.items())


def figures_on(page):
    """(list path, {parameter: value}, number shown) for every linked figure."""
    found = []
    for href, number in FIGURE.findall(page):
        url = urlsplit(unescape(href))
        args = {name: values[0] for name, values in parse_qs(url.query).items()}
        found.append((url.path, args, int(number)))
    return found


@pytest.mark.parametrize("faculty", [None, "Faculty of Law"])
def test_every_figure_equals_the_records_its_link_lists(coordinator_client, records, faculty):
    query = {"call_year": 2024, **({"faculty": faculty} if faculty else {})}
    page = coordinator_client.get("/reports/dashboard", query_string=query).get_data(as_text=True)

    figures = figures_on(page)
    assert len(figures) > 30
    for path, args, shown in figures:
        assert args["call_year"] == "2024"
        assert args.get("faculty") == faculty
        if path == "/projects/":
            expected = sum(project_matches(p, args) for p in records["projects"])
        else:
            assert path == "/mobilities/"
            expected = sum(mobility_matches(m, args) for m in records["mobilities"])
        assert shown == expected, (path, args)


def test_every_status_activity_and_country_has_its_figure(coordinator_client, records):
    page = coordinator_client.get("/reports/dashboard?call_year=2024").get_data(as_text=True)
    linked = {(path, tuple(sorted(args.items()))) for path, args, _ in figures_on(page)}
    in_year = [m for m in records["mobilities"] if m.project.call_year == 2024]
    for mobility in in_year:
        args = {"call_year": "2024", "status": mobility.status.value}
        assert ("/mobilities/", tuple(sorted(args.items()))) in linked
        if mobility.organisation:
            args = {"call_year": "2024", "country": mobility.organisation.country}
            assert ("/mobilities/", tuple(sorted(args.items()))) in linked
    for project in (p for p in records["projects"] if p.call_year == 2024):
        args = {"call_year": "2024", "action": project.action.value}
        assert ("/projects/", tuple(sorted(args.items()))) in linked


def test_shares_per_priority_are_of_the_call_years_records(records):
    scope = dashboard_queries.Scope(call_year=2023)
    in_year = [p for p in records["projects"] if p.call_year == 2023]
    for row in dashboard_queries.records_per_priority(scope):
        expected = sum(row.Priority in p.priorities for p in in_year)
        assert row.projects == expected


def test_requested_and_awarded_per_action_are_the_sums_of_the_projects(records):
    rows = {
        row.action: row
        for row in dashboard_queries.projects_per_action(dashboard_queries.Scope(call_year=2024))
    }
    for action in Action:
        projects = [p for p in records["projects"] if p.call_year == 2024 and p.action is action]
        if not projects:
            assert action not in rows
            continue
        requested = sum((p.requested_amount or Decimal(0) for p in projects), Decimal(0))
        awarded = sum((p.awarded_amount or Decimal(0) for p in projects), Decimal(0))
        assert (rows[action].projects, rows[action].requested, rows[action].awarded) == (
            len(projects),
            requested,
            awarded,
        )


def test_ka171_places_and_budgets_per_partner_are_counted_from_the_mobilities(records):
    scope = dashboard_queries.Scope(call_year=2024)
    ka171 = [p for p in records["projects"] if p.call_year == 2024 and p.action is Action.KA171_HED]
    assert ka171
    planned, used, allocated, committed = Counter(), Counter(), {}, Counter()
    for project in ka171:
        for partner in project.partners:
            allocated[(project.id, partner.organisation_id)] = partner.budget
            for place in partner.planned_mobilities:
                key = (project.id, partner.organisation_id, place.activity_type, place.flow)
                planned[key] += place.planned
    for mobility in records["mobilities"]:
        if mobility.project in ka171 and mobility.status not in NOT_COMMITTED:
            key = (mobility.project_id, mobility.organisation_id)
            if mobility.organisation_id is not None:
                used[(*key, mobility.activity_type, mobility.flow)] += 1
            committed[key] += mobility.grant_amount

    rows = ka171_queries.ka171_planned_vs_used(scope)
    assert {(r.project_id, r.organisation_id, r.activity_type, r.flow) for r in rows} == (
        set(planned) | set(used)
    )
    for row in rows:
        key = (row.project_id, row.organisation_id, row.activity_type, row.flow)
        assert (row.planned, row.used) == (planned[key], used[key])
    budgets = ka171_queries.ka171_partner_budgets(scope)
    assert len(budgets) == len(allocated)
    for row in budgets:
        key = (row.project_id, row.organisation_id)
        assert row.allocated == allocated[key]
        assert row.committed == committed.get(key, 0)


def test_the_dashboard_shows_the_latest_call_year_by_default(coordinator_client, records):
    page = coordinator_client.get("/reports/dashboard").get_data(as_text=True)
    assert '<option selected value="2024">' in page
    assert "Call year 2024" in page


def test_the_dashboard_opens_on_the_newest_year_that_funds_a_mobility(
    coordinator_client, coordinator
):
    """A new call year that holds only applications does not hide the running one."""
    funding = make_project(coordinator, action=Action.KA131_HED, call_year=2023)
    make_mobility(coordinator, funding, make_organisation())
    make_project(coordinator, action=Action.KA131_HED, call_year=2022)
    make_project(coordinator, action=Action.KA220_HED, call_year=2026)

    page = coordinator_client.get("/reports/dashboard").get_data(as_text=True)

    assert "Call year 2023" in page


def test_the_review_queue_shows_how_long_each_record_waits(coordinator_client, records):
    page = coordinator_client.get("/reports/dashboard").get_data(as_text=True)
    waiting = [
        r for r in records["projects"] + records["mobilities"]
        if r.status in (Status.SUBMITTED, Status.IN_REVIEW)
    ]  # fmt: skip
    assert len(waiting) > TOP
    queue = page.split('id="queue"')[1].split('id="actions"')[0]
    assert queue.count('<td class="number">0</td></tr>') == TOP  # all waiting since today
    assert f"Show all {len(waiting)} waiting records" in queue
    whole_queue = coordinator_client.get("/review").get_data(as_text=True)
    for record in waiting:
        label = getattr(record, "acronym", None) or getattr(record, "title", None)
        assert (label or record.participant_name) in whole_queue


def test_deadlines_and_final_reports_of_the_next_60_days(coordinator_client, coordinator):
    today = date.today()
    ending = make_project(
        coordinator,
        action=Action.KA131_HED,
        acronym="ENDING",
        status=Status.ONGOING,
        start_date=today - timedelta(days=800),
        end_date=today - timedelta(days=30),
    )
    make_project(
        coordinator,
        acronym="LONG-AGO",
        status=Status.COMPLETED,
        start_date=today - timedelta(days=900),
        end_date=today - timedelta(days=200),
    )
    for title, days in (("Soon", 10), ("Later", 61), ("Past", -1)):
        db.session.add(
            Deadline(title=title, kind=DeadlineKind.CALL, due_date=today + timedelta(days=days))
        )
    db.session.commit()

    page = coordinator_client.get("/reports/dashboard").get_data(as_text=True)

    assert "Soon" in page and "Later" not in page and "Past" not in page
    due = (ending.end_date + timedelta(days=60)).isoformat()
    assert f'<time datetime="{due}">' in page
    assert "LONG-AGO" not in page.split('id="final-reports"')[1]


def test_staff_may_not_open_the_dashboard(staff_client):
    assert staff_client.get("/reports/dashboard").status_code == 403


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_the_office_home_page_is_the_dashboard(client_as, role, records):
    client, _user = client_as(role)
    page = client.get("/").get_data(as_text=True)
    assert 'id="queue"' in page and 'id="ka171"' in page
    assert '<a class="figure" href="/projects/?call_year=2024' in page


def test_each_chart_is_an_image_with_a_title_and_the_numbers_of_its_table(
    coordinator_client, records
):
    page = coordinator_client.get("/reports/dashboard?call_year=2024").get_data(as_text=True)

    assert page.count('role="img"') == 6
    assert '<title id="status-chart-title">Records per status' in page
    section = page.split('id="statuses"')[1].split("</section>")[0]
    chart, table = section.split("<table>")
    drawn = re.findall(r'<text class="value"[^>]*>(\d+)</text>', chart)
    listed = re.findall(r'<a class="figure" href="[^"]+">(\d+)</a>', table)
    assert drawn == listed


def test_each_ka171_used_figure_links_to_exactly_those_mobilities(coordinator_client, records):
    page = coordinator_client.get("/reports/dashboard?call_year=2024").get_data(as_text=True)
    links = re.findall(r'<a href="([^"]+)">Show the (\d+) used</a>', page)
    assert links
    for href, used in links:
        listed = coordinator_client.get(unescape(href)).get_data(as_text=True)
        count = re.search(r'role="status">(\d+) records?</p>', listed)
        assert count is not None and int(count.group(1)) == int(used), href


def test_the_dashboard_lists_the_missing_unit_costs_with_links_to_enter_them(
    coordinator_client, coordinator
):
    from tests.factories import seed_unit_costs
    from tracker.erasmus.models import UnitCostRate, UnitCostYear

    seed_unit_costs()
    make_project(coordinator, action=Action.KA131_HED, call_year=2027)
    page = coordinator_client.get("/reports/dashboard").get_data(as_text=True)
    panel = page[page.index("Unit costs for the office to enter") :].split("</section>")[0]
    rate = db.session.scalar(
        db.select(UnitCostRate)
        .join(UnitCostRate.year)
        .where(UnitCostYear.call_year == 2025, UnitCostRate.key == "student_per_month.1")
    )
    assert f'href="/unit-costs/2025/rates/{rate.id}"' in panel
    assert "Students long-term, per month, Group 1: higher living costs" in panel
    assert "the whole table (add call year 2027)" in panel
