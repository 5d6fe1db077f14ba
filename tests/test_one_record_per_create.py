"""A create form posted three times (double click, back button, a re-sent request) makes one
record, and every repeat leads to it."""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.factories import make_organisation, make_project
from tests.projects.conftest import project_form
from tracker.deadlines.models import Deadline
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.projects.models import Project
from tracker.workflow.models import Comment
from tracker.workflow.states import Status

TOKEN = "a-one-time-token-from-the-form"


def count(model):
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def post_three_times(client, url, data, token=TOKEN):
    data = data | {"once": token, "csrf_token": client.csrf_token()}
    return [client.post(url, data=data) for _ in range(3)]


def test_a_project_form_posted_three_times_makes_one_project(staff_client):
    responses = post_three_times(staff_client, "/projects/new", project_form())
    assert count(Project) == 1
    project = db.session.scalars(sa.select(Project)).one()
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert {r.headers["Location"] for r in responses} == {f"/projects/{project.id}"}


def test_the_form_carries_a_fresh_token_each_time_it_is_opened(staff_client):
    first, second = (staff_client.get("/projects/new").get_data(as_text=True) for _ in range(2))
    token = 'name="once" type="hidden" value="'
    assert token in first
    assert first.split(token)[1][:20] != second.split(token)[1][:20]


def test_two_forms_opened_separately_make_two_projects(staff_client):
    for token in ("first-token-of-the-form", "second-token-of-the-form"):
        data = project_form(grant_agreement_number="") | {"once": token}
        assert staff_client.submit("/projects/new", data).status_code == 302
    assert count(Project) == 2


def test_another_persons_token_is_not_theirs_to_replay(app, staff_client, other_staff):
    from tests.conftest import sign_in

    staff_client.submit("/projects/new", project_form() | {"once": TOKEN})
    other = sign_in(app.test_client(), other_staff)
    response = other.submit("/projects/new", project_form(title="Other") | {"once": TOKEN})
    assert response.status_code in (302, 422)
    assert (
        response.headers.get("Location", "")
        != f"/projects/{db.session.scalar(sa.select(Project.id))}"
    )


@pytest.fixture
def funding(coordinator):
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    return project, make_organisation(country="DE")


def test_every_create_form_makes_one_record_when_posted_three_times(
    coordinator_client, staff, funding
):
    project, organisation = funding
    forms = {
        "/organisations/new": (Organisation, {"name": "Universität Jena", "country": "DE"}),
        "/deadlines/new": (
            Deadline,
            {"title": "Interim report", "kind": "report", "due_date": "2030-01-31"},
        ),
        "/mobilities/new": (
            Mobility,
            {
                "participant_name": "Pia Post",
                "participant_kind": "student",
                "activity_type": "SMS",
                "flow": "outgoing",
                "organisation_id": organisation.id,
                "project_id": project.id,
                "start_date": "2023-09-01",
                "end_date": "2024-01-31",
                "owner_id": staff.id,
            },
        ),
        f"/records/projects/{project.id}/comments": (Comment, {"body": "Looks good"}),
    }
    for url, (model, data) in forms.items():
        before = count(model)
        responses = post_three_times(
            coordinator_client, url, data, token=f"token-{len(url)}-{model.__name__}"
        )
        assert [r.status_code for r in responses] == [302, 302, 302], url
        assert count(model) == before + 1, url
        assert len({r.headers["Location"] for r in responses[1:]}) == 1, url
