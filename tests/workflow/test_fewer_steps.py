"""Fewer steps on a record's page: a decision straight from "submitted", one reason box, the
actions that end a record apart and confirmed, and what stops a submission beside its field."""

import pytest

from tests.factories import make_user
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.models import HistoryEntry
from tracker.workflow.states import Status


def reload(project):
    db.session.expire_all()
    return db.session.get(Project, project.id)


def statuses_in_history(project):
    entries = db.session.scalars(
        db.select(HistoryEntry)
        .where(HistoryEntry.project_id == project.id)
        .order_by(HistoryEntry.id)
    )
    return [(entry.from_status, entry.to_status) for entry in entries]


@pytest.fixture
def owner(app):
    return make_user(Role.STAFF)


def test_a_coordinator_approves_straight_from_submitted_and_the_review_start_is_recorded(
    app, owner, coordinator_client
):
    project = complete_project(owner, status=Status.SUBMITTED)

    response = coordinator_client.submit(
        f"/records/projects/{project.id}/transitions/approve", {"version": project.version}
    )

    assert response.status_code == 302
    assert reload(project).status is Status.APPROVED
    assert statuses_in_history(project) == [
        (Status.SUBMITTED, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.APPROVED),
    ]


def test_the_page_of_a_submitted_record_offers_the_decision_with_one_reason_box(
    app, owner, coordinator_client
):
    project = complete_project(owner, status=Status.SUBMITTED)

    page = coordinator_client.get(f"/projects/{project.id}").get_data(as_text=True)

    assert page.count('<textarea id="decision-comment"') == 1
    assert "Why? (required" not in page
    for label in ("Approve", "Request changes", "Start review", "Reject this project"):
        assert f">{label}</button>" in page
    assert 'href="#decision"' in page


def test_request_changes_without_a_reason_is_refused_with_the_message_beside_the_box(
    app, owner, coordinator_client
):
    project = complete_project(owner, status=Status.SUBMITTED)

    response = coordinator_client.submit(
        f"/records/projects/{project.id}/transitions/request_changes",
        {"version": project.version, "comment": "  "},
    )

    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="comment-error"' in page
    assert "Request changes needs one" in page
    assert reload(project).status is Status.SUBMITTED


def test_cancelling_a_project_asks_for_confirmation_first(app, owner, coordinator_client):
    project = complete_project(owner, status=Status.APPROVED)
    url = f"/records/projects/{project.id}/transitions/cancel"

    unconfirmed = coordinator_client.submit(url, {"version": project.version, "comment": "No."})

    assert unconfirmed.status_code == 200
    assert "Cancel this project?" in unconfirmed.get_data(as_text=True)
    assert reload(project).status is Status.APPROVED

    confirmed = coordinator_client.submit(
        url, {"version": project.version, "comment": "No.", "confirm": "y"}
    )
    assert confirmed.status_code == 302
    assert reload(project).status is Status.CANCELLED


def test_the_actions_that_end_a_record_stand_apart_named_for_what_they_do(
    app, owner, coordinator_client
):
    project = complete_project(owner, status=Status.APPROVED)

    page = coordinator_client.get(f"/projects/{project.id}").get_data(as_text=True)

    steps, _, apart = page.partition('<details class="danger-zone">')
    assert ">Start</button>" in steps
    assert "Cancel this project" not in steps
    assert ">Cancel this project</button>" in apart
    assert 'name="confirm" value="y" required' in apart


def test_a_refused_submission_opens_the_form_with_each_gap_beside_its_field(
    app, staff_client, staff
):
    project = complete_project(staff)
    project.summary = project.requested_amount = None
    db.session.commit()

    response = staff_client.submit(
        f"/records/projects/{project.id}/transitions/submit", {"version": project.version}
    )

    assert response.status_code == 302
    form = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Not submitted yet" in form
    assert 'id="summary-error">Summary is missing.' in form
    assert 'id="requested_amount-error">Requested amount is missing.' in form
    assert reload(project).status is Status.DRAFT


def test_an_action_one_may_not_take_is_refused_without_asking_for_confirmation(
    app, staff_client, staff
):
    project = complete_project(staff, status=Status.APPROVED)

    response = staff_client.submit(
        f"/records/projects/{project.id}/transitions/cancel",
        {"version": project.version, "comment": "Mine to cancel?"},
    )

    assert response.status_code == 403
    assert reload(project).status is Status.APPROVED
