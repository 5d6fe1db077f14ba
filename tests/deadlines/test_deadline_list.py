"""The deadline list: who sees which deadlines, upcoming and past, filters, constant query cost."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from tests.factories import make_deadline, make_project
from tests.query_counts import statements_during_get
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.enums import Role
from tracker.extensions import db

TODAY = date.today()


def page(client, url="/deadlines/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_staff_see_general_deadlines_and_their_projects_but_not_others(
    staff_client, staff, other_staff
):
    own = make_project(staff, acronym="MINE")
    foreign = make_project(other_staff, acronym="THEIRS")
    make_deadline(title="Office-wide call")
    make_deadline(title="Report of my project", project=own)
    make_deadline(title="Report of their project", project=foreign)

    html = page(staff_client)

    assert "Office-wide call" in html
    assert "Report of my project" in html
    assert f'href="/projects/{own.id}"' in html
    assert "Report of their project" not in html
    assert "THEIRS" not in html  # not offered in the project filter either


def test_staff_cannot_filter_their_way_to_another_staff_members_deadlines(
    staff_client, other_staff
):
    foreign = make_project(other_staff)
    make_deadline(title="Hidden report", project=foreign)

    assert "Hidden report" not in page(staff_client, f"/deadlines/?project={foreign.id}")


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_the_office_sees_every_deadline(client_as, other_staff, role):
    client, _user = client_as(role)
    foreign = make_project(other_staff, acronym="THEIRS")
    make_deadline(title="Report of their project", project=foreign)
    make_deadline(title="Office-wide call")

    html = page(client)

    assert "Report of their project" in html
    assert "Office-wide call" in html


def test_upcoming_soonest_first_and_past_on_their_own_page(staff_client):
    make_deadline(title="Later", due_date=TODAY + timedelta(days=90))
    make_deadline(title="Sooner", due_date=TODAY + timedelta(days=3))
    make_deadline(title="Today", due_date=TODAY)
    make_deadline(title="Long ago", due_date=TODAY - timedelta(days=400))
    make_deadline(title="Last week", due_date=TODAY - timedelta(days=7))

    upcoming = page(staff_client)
    past = page(staff_client, "/deadlines/?when=past")

    assert upcoming.index("Today") < upcoming.index("Sooner") < upcoming.index("Later")
    assert "Last week" not in upcoming and "Long ago" not in upcoming
    assert past.index("Last week") < past.index("Long ago")
    assert "Sooner" not in past


def test_filter_by_kind_and_by_project(coordinator_client, staff):
    project = make_project(staff, acronym="FILTERED")
    make_deadline(title="A call", kind=DeadlineKind.CALL)
    make_deadline(title="A report", kind=DeadlineKind.REPORT, project=project)

    by_kind = page(coordinator_client, "/deadlines/?kind=call")
    by_project = page(coordinator_client, f"/deadlines/?project={project.id}")

    assert "A call" in by_kind and "A report" not in by_kind
    assert "A report" in by_project and "A call" not in by_project


@pytest.mark.parametrize("query", ["kind=nonsense", "project=abc", "when=tomorrow", "page=x"])
def test_unreadable_filters_are_ignored(staff_client, query):
    make_deadline(title="Still listed")

    html = page(staff_client, f"/deadlines/?{query}")

    assert "Still listed" in html


def test_each_row_shows_date_title_kind_project_and_notes(coordinator_client, staff):
    project = make_project(staff, acronym="ROWPROJ")
    make_deadline(
        title="Interim report",
        kind=DeadlineKind.REPORT,
        due_date=date(TODAY.year + 1, 3, 15),
        project=project,
        notes="Ask the partners for their figures first.",
    )

    html = page(coordinator_client)

    assert f"15 Mar {TODAY.year + 1}" in html
    assert "Interim report" in html
    assert "Reporting date" in html
    assert f'<a href="/projects/{project.id}">ROWPROJ</a>' in html
    assert "Ask the partners for their figures first." in html


def test_the_navigation_links_to_the_deadlines(staff_client):
    assert 'href="/deadlines/"' in page(staff_client, "/")


def test_only_the_office_is_offered_to_manage_deadlines(staff_client, coordinator_client):
    make_deadline(title="Some call")

    assert "/deadlines/new" not in page(staff_client)
    assert "/edit" not in page(staff_client)
    assert "/deadlines/new" in page(coordinator_client)
    assert "/edit" in page(coordinator_client)


def add_deadlines(count, project_ids):
    """`count` deadlines, upcoming and past, general and per project, in one INSERT."""
    rows = [
        {
            "title": f"Bulk deadline {n}",
            "kind": list(DeadlineKind)[n % 3],
            "due_date": TODAY + timedelta(days=n % 200 - 100),
            "project_id": project_ids[n % len(project_ids)] if n % 4 else None,
            "notes": "bulk",
        }
        for n in range(count)
    ]
    db.session.execute(sa.insert(Deadline), rows)
    db.session.commit()


def statements_per_page(client, urls):
    return {url: statements_during_get(client, url) for url in urls}


@pytest.mark.parametrize("role", [Role.STAFF, Role.COORDINATOR])
def test_the_list_costs_the_same_queries_for_10_and_500_deadlines(client_as, other_staff, role):
    client, user = client_as(role)
    projects = [make_project(user).id, make_project(user).id, make_project(other_staff).id]
    urls = [
        "/deadlines/",
        "/deadlines/?when=past",
        "/deadlines/?kind=report&page=2",
        f"/deadlines/?project={projects[0]}",
    ]
    add_deadlines(10, projects)
    small = statements_per_page(client, urls)

    add_deadlines(490, projects)
    large = statements_per_page(client, urls)

    assert large == small
