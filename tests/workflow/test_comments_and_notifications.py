"""Comments on a record, and who is told about what."""

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.notifications.models import Notification, NotificationKind
from tracker.workflow.models import Comment
from tracker.workflow.states import Status


def notifications_of(user):
    db.session.expire_all()
    return db.session.scalars(
        db.select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    ).all()


@pytest.fixture
def owner(app):
    return make_user(Role.STAFF, full_name="Olivia Owner")


@pytest.fixture
def office(app):
    return make_user(Role.COORDINATOR, full_name="Cees Coordinator")


def test_coordinators_and_admins_are_told_when_something_is_submitted(app, owner, office):
    """Whoever may review hears of a submission: admins review as coordinators do."""
    admin = make_user(Role.ADMIN)
    staff = make_user(Role.STAFF)
    project = complete_project(owner)
    client = sign_in(app.test_client(), owner)
    client.submit(f"/records/projects/{project.id}/transitions/submit", {"version": 1})
    assert [n.kind for n in notifications_of(office)] == [NotificationKind.SUBMITTED]
    assert notifications_of(owner) == [], "nobody is told about their own action"
    assert [n.kind for n in notifications_of(admin)] == [NotificationKind.SUBMITTED]
    assert notifications_of(staff) == []


def test_the_owner_is_told_when_the_status_changes(app, owner, office):
    project = complete_project(owner, status=Status.IN_REVIEW)
    client = sign_in(app.test_client(), office)
    client.submit(
        f"/records/projects/{project.id}/transitions/request_changes",
        {"version": project.version, "comment": "Add the budget table."},
    )
    (notification,) = notifications_of(owner)
    assert notification.kind is NotificationKind.STATUS_CHANGED
    assert notification.status is Status.CHANGES_REQUESTED
    page = sign_in(app.test_client(), owner).get("/notifications/").get_data(as_text=True)
    assert "Changes requested" in page


def test_unread_count_shows_in_the_navigation_until_read(app, owner, office):
    project = complete_project(owner, status=Status.SUBMITTED)
    sign_in(app.test_client(), office).submit(
        f"/records/projects/{project.id}/transitions/start_review", {"version": project.version}
    )
    client = sign_in(app.test_client(), owner)
    assert "Notifications (1 unread)" in client.get("/").get_data(as_text=True)
    (notification,) = notifications_of(owner)
    response = client.submit(f"/notifications/{notification.id}/open")
    assert response.headers["Location"] == f"/projects/{project.id}"
    assert "Notifications (1 unread)" not in client.get("/").get_data(as_text=True)


def test_nobody_opens_someone_elses_notification(app, owner, office):
    project = complete_project(owner, status=Status.SUBMITTED)
    sign_in(app.test_client(), office).submit(
        f"/records/projects/{project.id}/transitions/start_review", {"version": project.version}
    )
    (notification,) = notifications_of(owner)
    stranger = sign_in(app.test_client(), make_user(Role.STAFF))
    assert stranger.submit(f"/notifications/{notification.id}/open").status_code == 404


def test_owner_and_coordinator_comment_and_the_owner_is_told(app, owner, office):
    project = complete_project(owner)
    sign_in(app.test_client(), owner).submit(
        f"/records/projects/{project.id}/comments", {"body": "Ready soon."}
    )
    sign_in(app.test_client(), office).submit(
        f"/records/projects/{project.id}/comments", {"body": "Please add the Polish partner."}
    )
    bodies = db.session.scalars(db.select(Comment.body).order_by(Comment.id)).all()
    assert bodies == ["Ready soon.", "Please add the Polish partner."]
    assert [n.kind for n in notifications_of(owner)] == [NotificationKind.COMMENTED]


def test_other_staff_cannot_comment_on_a_record_they_cannot_see(app, owner):
    project = complete_project(owner)
    stranger = sign_in(app.test_client(), make_user(Role.STAFF))
    response = stranger.submit(f"/records/projects/{project.id}/comments", {"body": "Hi"})
    assert response.status_code == 404
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == 0


def test_an_empty_comment_is_not_added(app, owner):
    project = complete_project(owner)
    client = sign_in(app.test_client(), owner)
    response = client.submit(
        f"/records/projects/{project.id}/comments", {"body": "  "}, follow_redirects=True
    )
    assert "Write a comment before sending it." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == 0


def ka131_mobility(owner, coordinator):
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.ONGOING,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    return make_mobility(owner, project, make_organisation(country="FI", erasmus_code=None))


def test_a_comment_asking_for_the_grant_set_by_hand_reaches_the_coordinators(app, owner, office):
    mobility = ka131_mobility(owner, office)
    admin = make_user(Role.ADMIN)
    client = sign_in(app.test_client(), owner)
    client.submit(
        f"/records/mobilities/{mobility.id}/comments",
        {"body": "The stay was extended by a week: 3,200 please.", "asks_for_override": "y"},
    )
    assert [n.kind for n in notifications_of(office)] == [NotificationKind.OVERRIDE_REQUESTED]
    assert [n.kind for n in notifications_of(admin)] == [NotificationKind.OVERRIDE_REQUESTED]
    assert notifications_of(owner) == []
    assert db.session.scalars(db.select(Comment.asks_for_override)).one() is True
    page = sign_in(app.test_client(), office).get(f"/mobilities/{mobility.id}")
    assert "asks for the grant to be set by hand" in page.get_data(as_text=True)
    listed = sign_in(app.test_client(), office).get("/notifications/").get_data(as_text=True)
    assert "Asked to set the grant by hand" in listed


def test_a_coordinators_override_tells_the_owner(app, owner, office):
    mobility = ka131_mobility(owner, office)
    data = {
        "participant_name": mobility.participant_name,
        "participant_kind": "student",
        "activity_type": "SMS",
        "flow": "outgoing",
        "organisation_id": str(mobility.organisation_id),
        "project_id": str(mobility.project_id),
        "start_date": "2023-09-01",
        "end_date": "2024-01-31",
        "travel_days": "0",
        "owner_id": str(owner.id),
        "version": str(mobility.version),
        "grant_override_total": "3200.00",
        "grant_override_reason": "Stay extended by agreement",
    }
    client = sign_in(app.test_client(), office)
    assert client.submit(f"/mobilities/{mobility.id}/edit", data).status_code == 302
    (notification,) = notifications_of(owner)
    assert notification.kind is NotificationKind.GRANT_OVERRIDDEN
    assert db.session.get(type(mobility), mobility.id).grant_amount == Decimal("3200.00")
