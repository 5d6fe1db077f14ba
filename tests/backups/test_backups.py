"""`flask backup` and `flask restore`: the instance in one archive, and back, on every database."""

import io
import json
import os
import re
import secrets
import stat
import subprocess
import sys
import tarfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import TrackerClient, sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tests.workflow.conftest import complete_project
from tracker import create_app, data_version
from tracker.auth.models import User
from tracker.backups.postgresql_dump import connection_of
from tracker.documents.models import Attachment
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.priorities.models import Priority
from tracker.projects.models import ProjectPartner
from tracker.workflow.states import Status

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n" + os.urandom(2048)
ARCHIVE_NAME = re.compile(r"tracker-backup-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gz")


def flask(*args, database_url, upload_folder):
    """Run `flask --app wsgi …` as an operator does: a production environment, a new process."""
    environment = {
        **os.environ,
        "TRACKER_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": database_url,
        "UPLOAD_FOLDER": str(upload_folder),
    }
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def run(app, *args):
    """Run a command in-process against the test's application."""
    return app.test_cli_runner().invoke(args=[str(arg) for arg in args])


def take(client, mobility, name, comment=""):
    db.session.expire_all()
    version = db.session.get(Mobility, mobility.id).version
    response = client.submit(
        f"/records/mobilities/{mobility.id}/transitions/{name}",
        {"version": version, "comment": comment, "confirm": "y"},
    )
    assert response.status_code == 302, name


def build_records(app):
    """A project, and a mobility reviewed with a comment and a document its owner uploaded.

    Returns the owner's e-mail address and the document's id.
    """
    owner, coordinator = make_user(Role.STAFF), make_user(Role.COORDINATOR)
    complete_project(owner)
    partner = make_organisation(country="ID", erasmus_code=None)
    funding = make_project(
        coordinator,
        action=Action.KA171_HED,
        call_year=2022,
        status=Status.ONGOING,
        start_date=date(2022, 8, 1),
        end_date=date(2025, 7, 31),
    )
    funding.partners = [ProjectPartner(organisation=partner, budget=Decimal("10000.00"))]
    mobility = make_mobility(
        owner,
        funding,
        partner,
        start_date=date(2023, 2, 1),
        end_date=date(2023, 6, 30),
        grant_total=Decimal("5750.00"),
        priorities=[db.session.scalars(db.select(Priority)).first()],
    )
    db.session.commit()
    staff = sign_in(app.test_client(), owner)
    office = sign_in(app.test_client(), coordinator)
    take(staff, mobility, "submit")
    take(office, mobility, "start_review")
    office.submit(f"/records/mobilities/{mobility.id}/comments", {"body": "Nog één vraag ✓"})
    take(office, mobility, "request_changes", "Add the learning agreement")
    upload = staff.submit(
        f"/records/mobilities/{mobility.id}/documents",
        {"kind": "learning_agreement", "file": (io.BytesIO(PDF), "Learning agreement.pdf")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 302
    take(staff, mobility, "resubmit")
    document_id = db.session.scalar(db.select(Attachment.id).order_by(Attachment.id.desc()))
    return owner.email, document_id


def table_rows(engine):
    """Every table's rows in primary-key order, by table name."""
    metadata = sa.MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(sa.select(table).order_by(*table.primary_key))
            ]
            for name, table in metadata.tables.items()
        }


def files_in(folder):
    return {path.name: path.read_bytes() for path in Path(folder).iterdir()}


@pytest.fixture
def new_instance(backend, tmp_path):
    """The database URL and upload folder of an instance that holds nothing yet.

    On PostgreSQL a database of its own, named after TEST_DATABASE_URL's, made and dropped here.
    """
    folder = tmp_path / "restored-uploads"
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite'}", folder
        return
    url = sa.make_url(os.environ["TEST_DATABASE_URL"])
    url = url.set(database=url.database + "_restore")
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = server.dialect.identifier_preparer.quote(url.database)
    with server.connect() as connection:
        connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    yield url.render_as_string(hide_password=False), folder
    with server.connect() as connection:
        connection.execute(sa.text(f"DROP DATABASE {name} WITH (FORCE)"))
    server.dispose()


def test_backup_and_restore_bring_back_every_row_and_every_document(app, tmp_path, new_instance):
    owner_email, document_id = build_records(app)
    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    source_folder = Path(app.config["UPLOAD_FOLDER"])
    db.session.remove()

    flask("backup", tmp_path, database_url=source_url, upload_folder=source_folder)
    (archive,) = tmp_path.glob("tracker-backup-*")
    assert ARCHIVE_NAME.fullmatch(archive.name)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600, "the archive holds personal data"

    restored_url, restored_folder = new_instance
    flask("db", "upgrade", database_url=restored_url, upload_folder=restored_folder)
    output = flask("restore", archive, database_url=restored_url, upload_folder=restored_folder)
    assert "checked against the archive" in output

    source = table_rows(db.engine)
    restored_engine = sa.create_engine(restored_url)
    try:
        restored_rows = table_rows(restored_engine)
    finally:
        restored_engine.dispose()
    [(_id, source_version)] = source.pop("data_version")
    [(_id, restored_version)] = restored_rows.pop("data_version")
    assert restored_version > source_version, "no figure kept for the source's data is shown"
    assert restored_rows == source
    used = {"users", "projects", "mobilities", "history", "comments", "attachments"}
    assert {name for name, rows in source.items() if rows} >= used | {"notifications"}
    assert files_in(restored_folder) == files_in(source_folder)

    restored = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=restored_url, UPLOAD_FOLDER=str(restored_folder)
    )
    restored.test_client_class = TrackerClient
    with restored.app_context():
        owner = db.session.scalar(db.select(User).where(User.email == owner_email))
        download = sign_in(restored.test_client(), owner).get(f"/documents/{document_id}")
        assert download.status_code == 200
        assert download.data == PDF
        assert make_user(email="after.restore@example.edu").id > owner.id, "ids go on"
        db.session.remove()
        db.engine.dispose()


def user_emails():
    db.session.expire_all()
    return set(db.session.scalars(db.select(User.email)))


def test_restore_refuses_an_instance_that_holds_data_unless_forced(app, tmp_path):
    build_records(app)
    archive = tmp_path / "nightly.tar.gz"
    assert run(app, "backup", archive).exit_code == 0
    again = run(app, "backup", archive)
    assert again.exit_code != 0
    assert "exists already" in again.output
    before = user_emails()
    make_user(email="after.backup@example.edu")

    refused = run(app, "restore", archive)
    assert refused.exit_code != 0
    assert "holds data" in refused.output
    assert "users: 3 rows" in refused.output
    assert "the upload folder" in refused.output
    assert "--force" in refused.output
    assert user_emails() == before | {"after.backup@example.edu"}, "nothing changed"

    replaced_version = data_version.stored(db.engine)
    forced = run(app, "restore", "--force", archive)
    assert forced.exit_code == 0, forced.output
    assert user_emails() == before
    assert data_version.stored(db.engine) > replaced_version, "figures kept before are not shown"


def other_kind(manifest):
    manifest["database"]["kind"] = {"sqlite": "postgresql", "postgresql": "sqlite"}[
        manifest["database"]["kind"]
    ]


def newer_format(manifest):
    manifest["format"] += 1


def unknown_revision(manifest):
    manifest["database"]["revision"] = "f00dfacef00d"


def altered(document):
    return document.replace(b"%%EOF", b"%%XXX")


REFUSALS = {
    "newer format": ({"manifest": newer_format}, "this version of tracker reads format 1"),
    "unknown schema revision": (
        {"manifest": unknown_revision},
        "f00dfacef00d, which this version of tracker does not know",
    ),
    "other database": ({"manifest": other_kind}, "restores into the same kind of database only"),
    "altered document": ({"document": altered}, "differs from its manifest"),
}


def tampered(source, target, manifest=lambda manifest: None, document=lambda data: data):
    """A copy of the archive with its manifest or its documents changed."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == "manifest.json":
                content = json.loads(data)
                manifest(content)
                data = json.dumps(content).encode()
            elif member.name.startswith("uploads/"):
                data = document(data)
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


@pytest.mark.parametrize("refusal", REFUSALS)
def test_restore_refuses_an_archive_it_cannot_restore_and_changes_nothing(app, tmp_path, refusal):
    changes, message = REFUSALS[refusal]
    build_records(app)
    assert run(app, "backup", tmp_path / "good.tar.gz").exit_code == 0
    tampered(tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz", **changes)
    make_user(email="after.backup@example.edu")
    before = user_emails()

    result = run(app, "restore", "--force", tmp_path / "bad.tar.gz")
    assert result.exit_code != 0
    assert message in result.output
    assert user_emails() == before


def test_the_postgresql_programs_get_the_password_in_their_environment_not_their_arguments():
    """Arguments are visible to every user of the server in `ps`; the environment is not."""
    engine = sa.create_engine(
        "postgresql+psycopg://tracker:p%40ss@db.example.edu:5433/tracker?sslmode=require"
    )
    uri, environment = connection_of(engine)
    assert uri == "postgresql://tracker@db.example.edu:5433/tracker?sslmode=require"
    assert environment["PGPASSWORD"] == "p@ss"
