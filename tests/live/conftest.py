"""The live layer: tracker deployed as README.md says and used over HTTP, as people do.

One deployment per database: SQLite always, PostgreSQL too when TEST_DATABASE_URL is
set (in a database of its own next to the suite's). Each runs README's production
commands, loads the demo data, and serves with gunicorn; tests sign in once per role
and talk to it over HTTP on 127.0.0.1. At the end the server's log must hold no
traceback: an error a person would have met fails the run even if no test looked.
"""

import os

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.live.deployment import ADMIN_EMAIL, Deployment, base_environment
from tests.live.visitor import Visitor
from tracker.demo.accounts import DEMO_ACCOUNTS

LIVE_BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
DEMO = {account.key: account for account in DEMO_ACCOUNTS}
OWNER, OTHER, COORDINATOR, ADMIN = "owner", "other staff", "coordinator", "admin"
ACCOUNTS = {
    OWNER: (DEMO["staff"].email, DEMO["staff"].password),
    OTHER: (DEMO["law"].email, DEMO["law"].password),
    COORDINATOR: (DEMO["coordinator"].email, DEMO["coordinator"].password),
}
"""Who signs in as whom; the admin is the one README's `flask users create` made."""


def live_postgresql_url():
    """A database of the live layer's own on the suite's PostgreSQL server, made afresh."""
    suite = make_url(os.environ["TEST_DATABASE_URL"])
    live = suite.set(database=f"{suite.database}_live")
    engine = sa.create_engine(suite, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{live.database}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{live.database}"'))
    engine.dispose()
    return live.render_as_string(hide_password=False)


def drop_postgresql(url):
    live = make_url(url)
    engine = sa.create_engine(live.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{live.database}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(scope="session", params=LIVE_BACKENDS)
def deployment(request, tmp_path_factory):
    workdir = tmp_path_factory.mktemp(f"live-{request.param}")
    if request.param == "postgresql":
        database_url = live_postgresql_url()
    else:
        database_url = f"sqlite:///{workdir}/tracker.sqlite"
    env, overrides = base_environment(os.environ, workdir, database_url)
    live = Deployment(database_url, workdir, env)
    try:
        live.prepare(overrides)
        live.serve()
        yield live
    finally:
        live.stop()
        if request.param == "postgresql":
            drop_postgresql(database_url)
    log = live.server_log()
    assert "Traceback" not in log, f"the server logged an error:\n{log[-5000:]}"


@pytest.fixture(scope="session")
def database(deployment):
    """The deployment's database, for looking up what a test needs to name (ids)."""
    engine = sa.create_engine(deployment.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def visitors(deployment):
    """One signed-in visitor per role; signing in once each keeps under the sign-in limit."""
    people = {who: Visitor(deployment.url).sign_in(*account) for who, account in ACCOUNTS.items()}
    people[ADMIN] = Visitor(deployment.url).sign_in(ADMIN_EMAIL, deployment.admin_password)
    return people
