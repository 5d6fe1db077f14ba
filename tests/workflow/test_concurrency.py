"""Two people acting on one record at the same moment: exactly one wins, the other is told."""

import threading

import pytest

from tests.factories import make_user
from tests.workflow.conftest import complete_project
from tracker.auth.models import User
from tracker.enums import Role
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.models import HistoryEntry
from tracker.workflow.operations import TransitionRefused, transition_record
from tracker.workflow.states import Status


def run_at_once(app, actions):
    """Run each action in its own thread, app context and database connection, released
    together once every one of them has loaded the record."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def worker(index, action):
        with app.app_context():
            try:
                outcomes[index] = action(barrier)
            except Exception as error:  # noqa: BLE001 - reported to the test below
                outcomes[index] = error
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def decide(project_id, user_id, name):
    def action(barrier):
        user = db.session.get(User, user_id)
        record = db.session.get(Project, project_id)
        barrier.wait()
        try:
            transition_record(record, name, user, comment="Decided.", seen_version=record.version)
            db.session.commit()
            return "won"
        except TransitionRefused as refusal:
            db.session.rollback()
            return refusal.status

    return action


def test_two_coordinators_deciding_at_once(app, backend):
    if backend != "postgresql":
        pytest.skip("needs concurrent writers: runs on PostgreSQL (set TEST_DATABASE_URL)")
    owner = make_user(Role.STAFF)
    first, second = make_user(Role.COORDINATOR), make_user(Role.ADMIN)
    project = complete_project(owner, status=Status.IN_REVIEW)

    outcomes = run_at_once(
        app, [decide(project.id, first.id, "approve"), decide(project.id, second.id, "reject")]
    )

    assert sorted(outcomes, key=str) == [409, "won"]
    db.session.expire_all()
    decided = db.session.get(Project, project.id)
    winner = "approve" if outcomes[0] == "won" else "reject"
    assert decided.status is (Status.APPROVED if winner == "approve" else Status.REJECTED)
    entries = db.session.scalars(
        db.select(HistoryEntry).where(HistoryEntry.project_id == project.id)
    ).all()
    assert [(entry.from_status, entry.to_status) for entry in entries] == [
        (Status.IN_REVIEW, decided.status)
    ]


def test_two_people_saving_the_same_record_at_once(app, backend):
    """Both opened the edit form on version 1 and press Save together: one save lands,
    the other is told (409) and overwrites nothing."""
    if backend != "postgresql":
        pytest.skip("needs concurrent writers: runs on PostgreSQL (set TEST_DATABASE_URL)")
    from tests.conftest import sign_in
    from tests.projects.conftest import project_form

    owner = make_user(Role.STAFF)
    coordinator = make_user(Role.COORDINATOR)
    project = complete_project(owner)
    clients = {
        "Owner's title": sign_in(app.test_client(), owner),
        "Coordinator's title": sign_in(app.test_client(), coordinator),
    }
    url, version = f"/projects/{project.id}/edit", str(project.version)
    owner_id = owner.id
    tokens = {title: client.csrf_token() for title, client in clients.items()}
    barrier = threading.Barrier(len(clients))
    statuses = {}

    def save(title, client):
        form = project_form(
            title=title, version=version, grant_agreement_number="", owner_id=str(owner_id)
        )
        barrier.wait()
        response = client.post(url, data={**form, "csrf_token": tokens[title]})
        statuses[title] = response.status_code

    threads = [threading.Thread(target=save, args=item) for item in clients.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses.values()) == [302, 409]
    winner = next(title for title, status in statuses.items() if status == 302)
    db.session.expire_all()
    assert db.session.get(Project, project.id).title == winner
    edits = db.session.scalars(
        db.select(HistoryEntry).where(HistoryEntry.project_id == project.id)
    ).all()
    assert len(edits) == 1
    assert edits[0].changes["title"][1] == winner
