"""Hostile input, refused where it enters: control characters, bidirectional overrides, text
too long for its column, dates no calendar of ours holds, ids beyond the database's integers,
and search wildcards."""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.factories import make_mobility, make_organisation, make_project
from tests.projects.conftest import project_form
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.states import Status


def projects():
    db.session.expire_all()
    return db.session.scalars(sa.select(Project)).all()


@pytest.mark.parametrize(
    "title",
    [
        "Digital\r\nteaching",
        "Digital\tteaching",
        "Digital \u202eteaching",  # right-to-left override
        "Digital \u2066teaching\u2069",  # isolates
        "Digital\x1bteaching",
    ],
)
def test_a_single_line_field_refuses_control_and_bidi_characters(staff_client, title):
    response = staff_client.submit("/projects/new", project_form(title=title))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="title-error"' in page
    assert projects() == []


def test_a_multi_line_field_keeps_line_breaks_and_tabs_only(staff_client):
    summary = "First line\r\nsecond\tline\x07\u202e end"
    response = staff_client.submit("/projects/new", project_form(summary=summary))
    assert response.status_code == 302
    assert projects()[0].summary == "First line\nsecond\tline end"


def test_a_ten_megabyte_summary_is_refused_with_a_message(staff_client):
    response = staff_client.submit("/projects/new", project_form(summary="x" * 10_000_000))
    assert response.status_code == 422
    assert 'id="summary-error"' in response.get_data(as_text=True)
    assert projects() == []


@pytest.mark.parametrize(
    "start, end",
    [("0001-01-01", "0002-12-31"), ("2024-09-01", "9999-12-31"), ("1899-12-31", "1901-12-31")],
)
def test_dates_outside_1900_to_2100_are_refused_with_a_message(staff_client, start, end):
    response = staff_client.submit("/projects/new", project_form(start_date=start, end_date=end))
    assert response.status_code == 422
    assert "between 1900-01-01 and 2100-12-31" in response.get_data(as_text=True)
    assert projects() == []


ID_URLS = [
    "/projects/{id}",
    "/projects/{id}/edit",
    "/mobilities/{id}",
    "/organisations/{id}",
    "/users/{id}",
    "/documents/{id}",
    "/deadlines/{id}/edit",
    "/reports/projects/{id}/mobilities",
]


def test_an_id_beyond_the_databases_integers_is_not_found(admin_client):
    answers = {
        url.format(id=number): admin_client.get(url.format(id=number)).status_code
        for url in ID_URLS
        for number in (2**31, 2**63, 10**30)
    }
    assert {url: status for url, status in answers.items() if status != 404} == {}


@pytest.mark.parametrize("number", [2**31, 10**30])
def test_a_post_to_an_id_beyond_the_databases_integers_is_not_found(admin_client, number):
    response = admin_client.submit(f"/records/projects/{number}/comments", {"body": "Hello"})
    assert response.status_code == 404


@pytest.fixture
def three_mobilities(coordinator):
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    organisation = make_organisation(name="Universität Wien")
    return [
        make_mobility(coordinator, project, organisation, participant_name=name)
        for name in ("Anna 100% Aalto", "Bert_Berg", "Carla Cruz")
    ]


@pytest.mark.parametrize(
    "query, expected",
    [("%", ["Anna 100% Aalto"]), ("_", ["Bert_Berg"]), ("a_a", [])],
)
def test_search_wildcards_match_only_themselves(
    coordinator_client, three_mobilities, query, expected
):
    from urllib.parse import quote

    page = coordinator_client.get(f"/mobilities/?q={quote(query)}").get_data(as_text=True)
    shown = [m.participant_name for m in three_mobilities if f">{m.participant_name}</a>" in page]
    assert shown == expected


def test_a_forged_project_id_beyond_the_databases_integers_is_a_field_error(coordinator_client):
    data = {"title": "Report", "kind": "report", "due_date": "2030-01-31", "project_id": 2**40}
    response = coordinator_client.submit("/deadlines/new", data)
    assert response.status_code == 422
    assert 'id="project_id-error"' in response.get_data(as_text=True)
