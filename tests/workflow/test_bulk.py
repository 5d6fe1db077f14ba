"""One transition for many records from a list: each checked and recorded as if done alone."""

import pytest

from tests.factories import make_project, make_user
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow import bulk
from tracker.workflow.models import HistoryEntry
from tracker.workflow.states import Status


@pytest.fixture
def owner(app):
    return make_user(Role.STAFF)


def status_of(project):
    db.session.expire_all()
    return db.session.get(Project, project.id).status


def history_of(project):
    return db.session.scalars(
        db.select(HistoryEntry)
        .where(HistoryEntry.project_id == project.id)
        .order_by(HistoryEntry.id)
    ).all()


def test_ten_submitted_projects_are_approved_at_once_each_with_its_own_history(
    app, owner, coordinator_client
):
    projects = [complete_project(owner, status=Status.SUBMITTED) for _ in range(10)]

    response = coordinator_client.submit(
        "/projects/bulk",
        {"transition": "approve", "comment": "Fits the call.", "ids": [p.id for p in projects]},
    )

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Approve: done on 10, refused on 0." in page
    for project in projects:
        assert status_of(project) is Status.APPROVED
        steps = [(e.from_status, e.to_status, e.comment) for e in history_of(project)]
        assert steps == [
            (Status.SUBMITTED, Status.IN_REVIEW, None),
            (Status.IN_REVIEW, Status.APPROVED, "Fits the call."),
        ]


def test_a_record_the_transition_does_not_fit_is_refused_and_the_others_are_done(
    app, owner, coordinator_client
):
    submitted = complete_project(owner, status=Status.SUBMITTED, title="Ready")
    draft = make_project(owner, title="Still a draft")

    response = coordinator_client.submit(
        "/projects/bulk", {"transition": "approve", "ids": [submitted.id, draft.id]}
    )

    page = response.get_data(as_text=True)
    assert "Approve: done on 1, refused on 1." in page
    refused = page.split('id="refused-heading"')[1]
    assert "Still a draft" in refused and "is Draft" in refused
    assert status_of(submitted) is Status.APPROVED
    assert status_of(draft) is Status.DRAFT
    assert history_of(draft) == []


def test_all_that_match_the_filters_takes_every_page_of_them(app, owner, coordinator_client):
    waiting = [complete_project(owner, status=Status.SUBMITTED) for _ in range(30)]
    approved = complete_project(owner, status=Status.APPROVED)

    response = coordinator_client.submit(
        "/projects/bulk?status=submitted&per_page=25",
        {"transition": "request_changes", "comment": "Add the budget.", "all_matching": "y"},
    )

    assert "Request changes: done on 30, refused on 0." in response.get_data(as_text=True)
    assert {status_of(project) for project in waiting} == {Status.CHANGES_REQUESTED}
    assert status_of(approved) is Status.APPROVED


def test_a_bulk_decision_needing_a_reason_is_refused_without_one(app, owner, coordinator_client):
    project = complete_project(owner, status=Status.SUBMITTED)

    response = coordinator_client.submit(
        "/projects/bulk", {"transition": "request_changes", "ids": [project.id]}
    )

    assert response.status_code == 422
    assert "Request changes needs one" in response.get_data(as_text=True)
    assert status_of(project) is Status.SUBMITTED


def test_a_bulk_cancel_needs_the_confirmation(app, owner, coordinator_client):
    project = complete_project(owner, status=Status.APPROVED)
    data = {"transition": "cancel", "comment": "Call withdrawn.", "ids": [project.id]}

    assert coordinator_client.submit("/projects/bulk", data).status_code == 422
    assert status_of(project) is Status.APPROVED

    coordinator_client.submit("/projects/bulk", {**data, "confirm": "y"})
    assert status_of(project) is Status.CANCELLED


def test_staff_cannot_decide_in_bulk_nor_touch_records_they_do_not_see(app, owner, client_as):
    mine = complete_project(owner, status=Status.SUBMITTED)
    staff, _other = client_as(Role.STAFF)

    refused = staff.submit("/projects/bulk", {"transition": "approve", "ids": [mine.id]})
    assert refused.status_code == 422
    withdraw = staff.submit(
        "/projects/bulk", {"transition": "withdraw", "ids": [mine.id], "confirm": "y"}
    )
    assert "No record was selected" in withdraw.get_data(as_text=True), "not theirs to see"
    assert status_of(mine) is Status.SUBMITTED


def test_the_list_offers_page_sizes_and_the_bulk_form(app, owner, coordinator_client):
    for _ in range(60):
        make_project(owner)

    page = coordinator_client.get("/projects/?per_page=50").get_data(as_text=True)

    assert page.count('name="ids"') == 50
    assert '<option value="50" selected>' in page
    assert "Select all 60 records that match the filters" in page
    assert (
        coordinator_client.get("/projects/?per_page=7").get_data(as_text=True).count('name="ids"')
        == 25
    ), "a size the list does not offer gives the default"


def test_submitted_mobilities_of_a_filter_are_approved_from_the_mobility_list(
    app, owner, coordinator, coordinator_client
):
    from tests.factories import make_mobility, make_organisation
    from tracker.erasmus.actions import Action
    from tracker.mobilities.models import Mobility

    project = make_project(coordinator, action=Action.KA131_HED, status=Status.APPROVED)
    partner = make_organisation()
    waiting = [
        make_mobility(owner, project, partner, status=Status.SUBMITTED, participant_name=f"W{n}")
        for n in range(3)
    ]
    draft = make_mobility(owner, project, partner, participant_name="Draft")

    response = coordinator_client.submit(
        "/mobilities/bulk?status=submitted", {"transition": "approve", "all_matching": "y"}
    )

    assert "Approve: done on 3, refused on 0." in response.get_data(as_text=True)
    db.session.expire_all()
    assert {db.session.get(Mobility, m.id).status for m in waiting} == {Status.APPROVED}
    assert db.session.get(Mobility, draft.id).status is Status.DRAFT


def test_more_records_than_one_bulk_action_takes_are_refused_untouched(
    app, owner, coordinator_client, monkeypatch
):
    monkeypatch.setattr(bulk, "BULK_LIMIT", 3)
    waiting = [complete_project(owner, status=Status.SUBMITTED) for _ in range(4)]

    response = coordinator_client.submit(
        "/projects/bulk?status=submitted",
        {"transition": "request_changes", "comment": "Add the budget.", "all_matching": "y"},
    )

    assert response.status_code == 422
    assert "More than 3 records are selected" in response.get_data(as_text=True)
    assert {status_of(project) for project in waiting} == {Status.SUBMITTED}
