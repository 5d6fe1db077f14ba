"""Every transition of the workflow table, for every role: allowed or refused, on the server."""

import pytest

from tests.conftest import sign_in
from tests.factories import make_project, make_user
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.completeness import missing_for_submission
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status
from tracker.workflow.transitions import TRANSITIONS, Actor

# Who tries: the record's owner (staff), another staff member, a coordinator, an admin.
ACTORS = ["owner", "other_staff", "coordinator", "admin"]


def expected_status(transition, actor):
    if actor == "other_staff":
        return 404  # may not even see the record
    if transition.actor is Actor.OWNER:
        return 302 if actor == "owner" else 403
    return 302 if actor in ("coordinator", "admin") else 403


def post_transition(client, project, name, comment="Because."):
    return client.submit(
        f"/records/projects/{project.id}/transitions/{name}",
        {"comment": comment, "version": project.version, "confirm": "y"},
    )


def reload(project):
    db.session.expire_all()
    return db.session.get(Project, project.id)


@pytest.fixture
def people(app):
    owner = make_user(Role.STAFF)
    return {
        "owner": owner,
        "other_staff": make_user(Role.STAFF),
        "coordinator": make_user(Role.COORDINATOR),
        "admin": make_user(Role.ADMIN),
    }


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.name)
def test_each_transition_for_each_role(app, people, transition, actor):
    source = sorted(transition.sources, key=lambda status: status.value)[0]
    project = complete_project(people["owner"], status=source)
    client = sign_in(app.test_client(), people[actor])

    response = post_transition(client, project, transition.name)

    assert response.status_code == expected_status(transition, actor)
    project = reload(project)
    if response.status_code == 302:
        assert project.status is transition.target
        entry = db.session.scalars(
            db.select(HistoryEntry).where(HistoryEntry.project_id == project.id)
        ).one()
        assert (entry.kind, entry.from_status, entry.to_status) == (
            HistoryKind.STATUS,
            source,
            transition.target,
        )
        assert entry.user_id == people[actor].id
    else:
        assert project.status is source
        assert db.session.scalar(db.select(db.func.count(HistoryEntry.id))) == 0


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.name)
def test_each_transition_is_refused_from_every_other_status(app, people, transition):
    """Whatever a page showed, the server refuses a transition from the wrong status (409)."""
    for status in set(Status) - transition.sources:
        project = complete_project(people["owner"], status=status)
        actor = "owner" if transition.actor is Actor.OWNER else "coordinator"
        client = sign_in(app.test_client(), people[actor])
        response = post_transition(client, project, transition.name)
        assert response.status_code == 409, (transition.name, status)
        assert reload(project).status is status


@pytest.mark.parametrize(
    "transition", [t for t in TRANSITIONS if t.needs_comment], ids=lambda t: t.name
)
def test_transitions_that_need_a_comment_refuse_without_one(app, people, transition):
    source = next(iter(transition.sources))
    project = complete_project(people["owner"], status=source)
    client = sign_in(app.test_client(), people["coordinator"])
    response = post_transition(client, project, transition.name, comment="   ")
    assert response.status_code == 422
    assert 'id="comment-error"' in response.get_data(as_text=True)
    assert reload(project).status is source


def test_submitting_lists_everything_missing_at_once(app, people):
    project = make_project(people["owner"], start_date=None, end_date=None)
    client = sign_in(app.test_client(), people["owner"])
    response = post_transition(client, project, "submit")
    assert response.status_code == 302, "back to the form, the gaps marked"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    for missing in (
        "Start date is missing",
        "Summary is missing",
        "at least one Erasmus+ priority",
        "at least one partner",
    ):
        assert missing in page
    assert reload(project).status is Status.DRAFT


def test_a_decision_on_a_page_that_is_out_of_date_is_refused(app, people):
    project = complete_project(people["owner"], status=Status.IN_REVIEW)
    client = sign_in(app.test_client(), people["coordinator"])
    response = client.submit(
        f"/records/projects/{project.id}/transitions/approve",
        {"version": project.version - 1 if project.version > 1 else 99},
    )
    assert response.status_code == 409
    assert reload(project).status is Status.IN_REVIEW


def test_the_same_decision_twice_is_taken_once(app, people):
    project = complete_project(people["owner"], status=Status.IN_REVIEW)
    first = sign_in(app.test_client(), people["coordinator"])
    second = sign_in(app.test_client(), people["admin"])
    assert post_transition(first, project, "approve").status_code == 302
    assert post_transition(second, project, "reject").status_code == 409
    assert reload(project).status is Status.APPROVED


def test_an_unknown_transition_is_not_found(app, people):
    project = complete_project(people["owner"])
    client = sign_in(app.test_client(), people["owner"])
    assert post_transition(client, project, "teleport").status_code == 404


@pytest.mark.parametrize(
    ("action", "needs_partners"),
    [
        (Action.KA220_HED, True),  # a consortium
        (Action.KA171_HED, True),  # a budget per partner
        (Action.KA131_HED, False),
        (Action.JM_MODULE, False),
    ],
)
def test_a_project_without_partners_may_be_submitted_only_where_its_action_has_none(
    app, people, action, needs_partners
):
    project = complete_project(people["owner"], action=action)
    project.partners = []
    db.session.commit()

    gaps = missing_for_submission(project)

    assert ("Add at least one partner organisation." in gaps) is needs_partners
