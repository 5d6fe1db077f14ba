"""E-mail goes out after the change is committed; a dead mail server loses nothing."""

import socket

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import TrackerClient, sign_in
from tests.factories import make_user
from tests.workflow.conftest import complete_project
from tracker import create_app
from tracker.enums import Language, Role
from tracker.extensions import db
from tracker.projects.models import Project
from tracker.workflow.states import Status


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf8", "replace")))
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_with_mail(app, port):
    mailing = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        UPLOAD_FOLDER=app.config["UPLOAD_FOLDER"],
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=port,
        MAIL_FROM="tracker@example.edu",
    )
    mailing.test_client_class = TrackerClient
    return mailing


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


def test_the_owner_gets_an_email_in_their_language(app, inbox):
    handler, port = inbox
    owner = make_user(Role.STAFF, email="owner@example.edu", language=Language.NL)
    coordinator = make_user(Role.COORDINATOR)
    project = complete_project(owner, status=Status.SUBMITTED)
    client = sign_in(app_with_mail(app, port).test_client(), coordinator)
    client.submit(
        f"/records/projects/{project.id}/transitions/start_review", {"version": project.version}
    )
    ((recipients, content),) = handler.messages
    assert recipients == ["owner@example.edu"]
    assert "In behandeling" in content
    assert f"/projects/{project.id}" in content


def test_a_mail_server_that_is_down_does_not_lose_the_transition(app):
    owner = make_user(Role.STAFF)
    coordinator = make_user(Role.COORDINATOR)
    project = complete_project(owner, status=Status.SUBMITTED)
    client = sign_in(app_with_mail(app, free_port()).test_client(), coordinator)
    response = client.submit(
        f"/records/projects/{project.id}/transitions/start_review", {"version": project.version}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Project, project.id).status is Status.IN_REVIEW


def test_no_mail_is_sent_when_the_transition_is_refused(app, inbox):
    handler, port = inbox
    owner = make_user(Role.STAFF)
    coordinator = make_user(Role.COORDINATOR)
    project = complete_project(owner, status=Status.IN_REVIEW)
    client = sign_in(app_with_mail(app, port).test_client(), coordinator)
    response = client.submit(
        f"/records/projects/{project.id}/transitions/reject",
        {"version": project.version, "confirm": "y"},
    )
    assert response.status_code == 422
    assert handler.messages == []


@pytest.mark.parametrize("title", ["Line\r\nBcc: victim@example.org", "Split\ntitle", "Tab\there"])
def test_a_line_break_in_a_title_never_blocks_a_comment_or_its_mail(app, inbox, title):
    """A title saved before input was checked (or by a script) still mails, on one line."""
    handler, port = inbox
    owner = make_user(Role.STAFF, email="owner@example.edu")
    coordinator = make_user(Role.COORDINATOR)
    project = complete_project(owner, title=title)
    client = sign_in(app_with_mail(app, port).test_client(), coordinator)
    response = client.submit(f"/records/projects/{project.id}/comments", {"body": "Looks good"})
    assert response.status_code == 302
    ((recipients, content),) = handler.messages
    assert recipients == ["owner@example.edu"]
    subject = next(line for line in content.splitlines() if line.startswith("Subject:"))
    assert " ".join(title.split()) in subject
    assert "Bcc:" not in content.split("Subject:")[0]
