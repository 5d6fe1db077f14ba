"""Documents: checked by content, stored under a generated name, shown only to who may see."""

import io
from pathlib import Path

import pytest

from tests.conftest import sign_in
from tests.factories import make_user
from tests.workflow.conftest import complete_project
from tracker import create_app
from tracker.documents.models import Attachment
from tracker.documents.operations import display_name
from tracker.enums import Role
from tracker.extensions import db
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\0" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\0" * 200


def upload(client, project, content, filename, kind="grant_agreement"):
    return client.submit(
        f"/records/projects/{project.id}/documents",
        {"kind": kind, "file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def attachments():
    db.session.expire_all()
    return db.session.scalars(db.select(Attachment)).all()


@pytest.fixture
def owner(app):
    return make_user(Role.STAFF)


def test_upload_list_and_download(app, owner):
    project = complete_project(owner)
    client = sign_in(app.test_client(), owner)
    response = upload(client, project, PDF, "Grant agreement 2024.pdf")
    assert "Grant agreement 2024.pdf uploaded." in response.get_data(as_text=True)
    (attachment,) = attachments()
    assert attachment.content_type == "application/pdf"
    assert attachment.stored_name != "Grant agreement 2024.pdf"
    stored = Path(app.config["UPLOAD_FOLDER"]) / attachment.stored_name
    assert stored.read_bytes() == PDF
    assert "static" not in str(stored)

    download = client.get(f"/documents/{attachment.id}")
    assert download.status_code == 200
    assert download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "Grant agreement 2024.pdf" in download.headers["Content-Disposition"]


def test_an_image_is_accepted(app, owner):
    project = complete_project(owner)
    upload(sign_in(app.test_client(), owner), project, PNG, "certificate.png", "other")
    assert [a.content_type for a in attachments()] == ["image/png"]


def stored_files(app):
    return set(Path(app.config["UPLOAD_FOLDER"]).iterdir())


def test_a_renamed_executable_is_refused(app, owner):
    project = complete_project(owner)
    before = stored_files(app)
    response = upload(sign_in(app.test_client(), owner), project, EXE, "agreement.pdf")
    assert "not a PDF, image, Word, Excel or OpenDocument file" in response.get_data(as_text=True)
    assert attachments() == []
    assert stored_files(app) == before, "nothing is written for a refused file"


def test_a_name_that_lies_about_the_content_is_refused(app, owner):
    project = complete_project(owner)
    response = upload(sign_in(app.test_client(), owner), project, PDF, "picture.png")
    assert "does not match its content" in response.get_data(as_text=True)
    assert attachments() == []


@pytest.mark.parametrize("filename", ["../../etc/passwd.pdf", "/etc/passwd.pdf"])
def test_a_path_in_the_file_name_is_dropped(app, owner, filename):
    project = complete_project(owner)
    upload(sign_in(app.test_client(), owner), project, PDF, filename)
    (attachment,) = attachments()
    assert attachment.original_name == "passwd.pdf"
    assert (Path(app.config["UPLOAD_FOLDER"]) / attachment.stored_name).is_file()


def test_a_file_over_the_limit_is_refused(app, owner):
    small = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        UPLOAD_FOLDER=app.config["UPLOAD_FOLDER"],
        MAX_CONTENT_LENGTH=1024,
    )
    small.test_client_class = type(app.test_client())
    project = complete_project(owner)
    client = sign_in(small.test_client(), owner)
    response = client.submit(
        f"/records/projects/{project.id}/documents",
        {"kind": "other", "file": (io.BytesIO(PDF + b"\0" * 2048), "big.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "larger than the upload limit" in response.get_data(as_text=True)
    assert attachments() == []


def test_someone_who_may_not_see_the_record_gets_404(app, owner):
    project = complete_project(owner)
    upload(sign_in(app.test_client(), owner), project, PDF, "agreement.pdf")
    (attachment,) = attachments()
    stranger = sign_in(app.test_client(), make_user(Role.STAFF))
    assert stranger.get(f"/documents/{attachment.id}").status_code == 404
    assert stranger.submit(f"/documents/{attachment.id}/delete").status_code == 404
    assert upload(stranger, project, PDF, "mine.pdf").status_code == 404
    coordinator = sign_in(app.test_client(), make_user(Role.COORDINATOR))
    assert coordinator.get(f"/documents/{attachment.id}").status_code == 200


def test_deleting_is_recorded_in_the_history(app, owner):
    project = complete_project(owner)
    client = sign_in(app.test_client(), owner)
    upload(client, project, PDF, "agreement.pdf")
    (attachment,) = attachments()
    stored = Path(app.config["UPLOAD_FOLDER"]) / attachment.stored_name
    client.submit(f"/documents/{attachment.id}/delete")
    assert attachments() == []
    assert not stored.exists()
    kinds = db.session.scalars(db.select(HistoryEntry.kind).order_by(HistoryEntry.id)).all()
    assert kinds == [HistoryKind.DOCUMENT_ADDED, HistoryKind.DOCUMENT_DELETED]


def test_the_owner_deletes_only_while_the_record_is_editable(app, owner):
    project = complete_project(owner, status=Status.SUBMITTED)
    coordinator = sign_in(app.test_client(), make_user(Role.COORDINATOR))
    upload(coordinator, project, PDF, "agreement.pdf")
    (attachment,) = attachments()
    client = sign_in(app.test_client(), owner)
    assert client.submit(f"/documents/{attachment.id}/delete").status_code == 403
    assert coordinator.submit(f"/documents/{attachment.id}/delete").status_code == 302


@pytest.mark.parametrize(
    "sent, kept",
    [
        ("C:\\Users\\sam\\Learning agreement.pdf", "Learning agreement.pdf"),
        ("../../etc/passwd", "passwd"),
        ("report\x00.pdf", "report.pdf"),
        ("", "document"),
    ],
)
def test_the_name_shown_is_the_files_own_name(sent, kept):
    assert display_name(sent) == kept
