"""Fixtures: an application per database, a clean database per test, signed-in clients.

Every database test runs on SQLite and, when TEST_DATABASE_URL is set, on
PostgreSQL too: the `app` fixture is parametrised over the backends.
"""

import contextvars
import os
import re

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

from tests.chromium import browser  # noqa: F401  (the one Chromium of the run)
from tests.factories import DEFAULT_PASSWORD, make_user
from tracker import create_app
from tracker.enums import Role
from tracker.extensions import db

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
KEPT_TABLES = {"priorities", "alembic_version", "data_version"}
"""Seeded by the migrations; every other table is emptied after each test."""
LIVE_TESTS = "tests/live/"
"""Run in one worker under `pytest -n`, so the run deploys the live server once per backend."""

CSRF_INPUT = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|'
    r'name="csrf_token" value="([^"]+)"'
)


class TrackerClient(FlaskClient):
    """A test client that sends forms the way a browser does: with their CSRF token.

    Each request runs as under a real server: in an empty context (none of the
    test's application context, `g`, or database session reaches the view), and
    the response body is read to the end only after the request has ended and
    its teardown has closed the request's database session. A streamed download
    that depends on anything the teardown closes fails here as it would under
    gunicorn.
    """

    def open(self, *args, **kwargs):
        kwargs["buffered"] = True
        return contextvars.Context().run(super().open, *args, **kwargs)

    def csrf_token(self):
        page = self.get("/login", follow_redirects=True).get_data(as_text=True)
        match = CSRF_INPUT.search(page)
        assert match, "no CSRF token on the page"
        return match.group(1) or match.group(2)

    def submit(self, url, data=None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token())
        return self.post(url, data=data, **kwargs)


def pytest_configure(config):
    """Under `pytest -n`, give each worker a PostgreSQL database of its own.

    Every database the suite makes (the live deployment's, the backups') is named
    after TEST_DATABASE_URL's, so renaming it here keeps the workers apart.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and os.environ.get("TEST_DATABASE_URL"):
        url = sa.make_url(os.environ["TEST_DATABASE_URL"])
        own = url.set(database=f"{url.database}_{worker}")
        recreate_postgresql_database(url, own.database)
        os.environ["TEST_DATABASE_URL"] = own.render_as_string(hide_password=False)


def recreate_postgresql_database(server_url, name):
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()


def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.startswith(LIVE_TESTS):
            item.add_marker(pytest.mark.xdist_group("live"))


def database_url(backend, tmp_path_factory):
    if backend == "postgresql":
        return os.environ["TEST_DATABASE_URL"]
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "tracker.sqlite")


def reset_schema(app):
    """Start from an empty database, then migrate it to the newest schema."""
    with app.app_context():
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.text("DROP SCHEMA public CASCADE"))
                connection.execute(sa.text("CREATE SCHEMA public"))
        upgrade()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture(scope="session")
def session_app(backend, tmp_path_factory):
    upload_dir = tmp_path_factory.mktemp("uploads")
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url(backend, tmp_path_factory),
        UPLOAD_FOLDER=str(upload_dir),
    )
    app.test_client_class = TrackerClient
    reset_schema(app)
    return app


RESTART_SEQUENCES = sa.text(
    "SELECT setval(format('%I', sequencename)::regclass, 1, false)"
    " FROM pg_sequences WHERE schemaname = current_schema()"
)
"""Every id sequence starts again at 1, as after a fresh migration."""


def empty_tables(app):
    """Delete every row, children first. On PostgreSQL a DELETE of a test's few rows takes
    milliseconds where a TRUNCATE of every table takes most of a second."""
    with app.app_context():
        db.session.remove()
        tables = [t for t in db.metadata.sorted_tables if t.name not in KEPT_TABLES]
        with db.engine.begin() as connection:
            for table in reversed(tables):
                connection.execute(table.delete())
            if connection.dialect.name == "postgresql":
                connection.execute(RESTART_SEQUENCES)


@pytest.fixture
def app(session_app):
    with session_app.app_context():
        yield session_app
        db.session.remove()
    empty_tables(session_app)


@pytest.fixture
def client(app):
    return app.test_client()


def sign_in(client, user, password=DEFAULT_PASSWORD):
    response = client.submit("/login", {"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def staff(app):
    return make_user(Role.STAFF, email="staff@example.edu", full_name="Sam Staff")


@pytest.fixture
def other_staff(app):
    return make_user(Role.STAFF, email="other@example.edu", full_name="Olga Other")


@pytest.fixture
def coordinator(app):
    return make_user(Role.COORDINATOR, email="coordinator@example.edu", full_name="Cora Coord")


@pytest.fixture
def admin(app):
    return make_user(Role.ADMIN, email="admin@example.edu", full_name="Ada Admin")


@pytest.fixture
def staff_client(app, staff):
    return sign_in(app.test_client(), staff)


@pytest.fixture
def coordinator_client(app, coordinator):
    return sign_in(app.test_client(), coordinator)


@pytest.fixture
def admin_client(app, admin):
    return sign_in(app.test_client(), admin)


@pytest.fixture
def client_as(app):
    """Sign in a fresh client as a new user of the given role: client_as(Role.STAFF)."""

    def signed_in(role, **user_fields):
        user = make_user(role, **user_fields)
        return sign_in(app.test_client(), user), user

    return signed_in
