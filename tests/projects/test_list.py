"""The project list: who sees what, filters, sorting, pages, and a constant number of queries."""

import re
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.factories import make_organisation, make_project, make_user
from tests.projects.conftest import project_form
from tests.query_counts import statements_during_get
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.priorities.models import Priority, project_priorities
from tracker.projects.models import Project, ProjectPartner
from tracker.workflow.states import Status

TITLE_LINK = re.compile(r'<a href="/projects/\d+">([^<]+)</a>')


def titles(response):
    assert response.status_code == 200
    return TITLE_LINK.findall(response.get_data(as_text=True))


def test_staff_see_only_their_own_projects(staff_client, staff, other_staff):
    make_project(staff, title="Mine")
    make_project(other_staff, title="Theirs")
    assert titles(staff_client.get("/projects/")) == ["Mine"]


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_coordinators_and_admins_see_all_projects(client_as, staff, other_staff, role):
    make_project(staff, title="Mine")
    make_project(other_staff, title="Theirs")
    client, _ = client_as(role)
    assert sorted(titles(client.get("/projects/"))) == ["Mine", "Theirs"]


@pytest.fixture
def spread(app, staff, other_staff):
    """Projects that differ in one filtered property each from the plain one."""
    priority = db.session.scalars(sa.select(Priority).order_by(Priority.position)).first()
    french = make_organisation(name="Université Lumière", country="FR")
    make_project(staff, title="Plain")
    make_project(staff, title="Older", call_year=2021)
    make_project(staff, title="Mobility", action=Action.KA131_HED)
    make_project(staff, title="Sent", status=Status.SUBMITTED)
    make_project(staff, title="Tagged", priorities=[priority])
    make_project(staff, title="Arts", faculty="Faculty of Arts")
    make_project(other_staff, title="Olgas")
    make_project(staff, title="Acronymed", acronym="ZEBRA")
    with_partner = make_project(staff, title="Partnered")
    db.session.add(ProjectPartner(project=with_partner, organisation=french))
    db.session.commit()
    return {"priority": priority, "other_staff": other_staff}


def filter_cases(spread):
    return [
        ({"call_year": "2021"}, ["Older"]),
        ({"action": "KA131-HED"}, ["Mobility"]),
        ({"status": "submitted"}, ["Sent"]),
        ({"priority": str(spread["priority"].id)}, ["Tagged"]),
        ({"faculty": "Faculty of Arts"}, ["Arts"]),
        ({"country": "FR"}, ["Partnered"]),
        ({"owner": str(spread["other_staff"].id)}, ["Olgas"]),
        ({"q": "zebr"}, ["Acronymed"]),
        ({"q": "lumière"}, ["Partnered"]),
        ({"q": "OLDER"}, ["Older"]),
        ({"call_year": "2021", "q": "Plain"}, []),
    ]


def test_each_filter_returns_exactly_the_matching_projects(coordinator_client, spread):
    for args, expected in filter_cases(spread):
        response = coordinator_client.get("/projects/", query_string=args)
        assert sorted(titles(response)) == sorted(expected), args


def test_a_filter_value_that_makes_no_sense_is_ignored(coordinator_client, spread):
    response = coordinator_client.get("/projects/", query_string={"call_year": "soon"})
    assert len(titles(response)) == 9


def test_staff_have_no_owner_filter(staff_client, spread):
    page = staff_client.get("/projects/").get_data(as_text=True)
    assert 'name="owner"' not in page
    response = staff_client.get("/projects/", query_string={"owner": spread["other_staff"].id})
    assert "Olgas" not in titles(response)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["Alpha", "beta", "Gamma"]),
        ("-title", ["Gamma", "beta", "Alpha"]),
        ("call_year", ["Gamma", "Alpha", "beta"]),
        ("-requested_amount", ["beta", "Gamma", "Alpha"]),
        ("owner", ["beta", "Gamma", "Alpha"]),
        ("start_date", ["Alpha", "beta", "Gamma"]),
    ],
)
def test_the_list_sorts_by_a_column(coordinator_client, sort, expected):
    anna, zoe = make_user(full_name="Anna"), make_user(full_name="Zoe")
    make_project(zoe, title="Alpha", call_year=2022, start_date=date(2024, 1, 1))
    make_project(
        anna,
        title="beta",
        call_year=2023,
        requested_amount=Decimal("900.00"),
        start_date=date(2024, 2, 1),
    )
    make_project(
        anna,
        title="Gamma",
        call_year=2021,
        requested_amount=Decimal("50.00"),
        start_date=date(2024, 3, 1),
    )
    response = coordinator_client.get("/projects/", query_string={"sort": sort})
    assert titles(response) == expected


def test_pages_keep_the_filter_and_the_sort(coordinator_client, staff, app):
    app.config["PER_PAGE"] = 2
    try:
        for number in range(5):
            make_project(staff, title=f"Kept {number}", call_year=2022)
        make_project(staff, title="Other year", call_year=2023)
        first = coordinator_client.get("/projects/?call_year=2022&sort=title")
        assert titles(first) == ["Kept 0", "Kept 1"]
        page = first.get_data(as_text=True)
        next_link = re.search(r'href="([^"]+)" rel="next"', page).group(1).replace("&amp;", "&")
        assert "call_year=2022" in next_link and "sort=title" in next_link
        assert titles(coordinator_client.get(next_link)) == ["Kept 2", "Kept 3"]
        assert titles(coordinator_client.get(next_link.replace("page=2", "page=99"))) == ["Kept 4"]
    finally:
        app.config["PER_PAGE"] = 25


def bulk_projects(owner, count):
    """`count` projects in one INSERT, each with a priority, as fast as the database allows."""
    rows = [
        {
            "action": Action.KA220_HED,
            "title": f"Bulk {number}",
            "call_year": 2024,
            "owner_id": owner.id,
            "status": Status.DRAFT,
            "our_role": "coordinator",
            "version": 1,
        }
        for number in range(count)
    ]
    db.session.execute(sa.insert(Project), rows)
    priority_id = db.session.scalar(sa.select(Priority.id).order_by(Priority.position))
    db.session.execute(
        sa.insert(project_priorities).from_select(
            ["project_id", "priority_id"],
            sa.select(Project.id, sa.literal(priority_id)).where(
                Project.id.not_in(sa.select(project_priorities.c.project_id))
            ),
        )
    )
    db.session.commit()


def test_the_list_costs_the_same_queries_for_ten_and_a_thousand(coordinator_client, staff):
    url = "/projects/?sort=owner&q=bulk"
    bulk_projects(staff, 10)
    for_ten = statements_during_get(coordinator_client, url)
    bulk_projects(staff, 990)
    assert statements_during_get(coordinator_client, url) == for_ten


def test_an_unfiltered_list_shows_no_errors_under_its_filters(coordinator_client, staff):
    make_project(staff, title="Any")
    page = coordinator_client.get("/projects/?status=nonsense&call_year=x").get_data(as_text=True)
    assert 'class="error"' not in page
    assert 'class="error"' not in coordinator_client.get("/projects/").get_data(as_text=True)


def test_a_project_renamed_in_the_form_is_found_by_its_new_title_only(staff_client, staff):
    project = make_project(staff, title="Ström och sjö", acronym="STROM")
    link = f'href="/projects/{project.id}"'

    def finds(text):
        page = staff_client.get("/projects/", query_string={"q": text}).get_data(as_text=True)
        return link in page

    assert finds("strom och sjo") and finds("strom")
    data = project_form(title="Lakes together", acronym="LAKES", version=str(project.version))
    assert staff_client.submit(f"/projects/{project.id}/edit", data).status_code == 302
    assert finds("LAKES TOGETHER") and finds("lakes")
    assert not finds("strom")
