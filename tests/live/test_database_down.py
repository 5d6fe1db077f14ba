"""gunicorn serving while its database is unreachable: people read what happened, the
load balancer reads 503, and nobody sees gunicorn's bare "Internal Server Error"."""

import os
import secrets

import pytest

from tests.live.deployment import Deployment, base_environment
from tests.live.visitor import Visitor

UNREACHABLE = "postgresql+psycopg://tracker@127.0.0.1:9/tracker?connect_timeout=2"


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("live-down")
    env, _overrides = base_environment(os.environ, workdir, UNREACHABLE)
    env.update(
        TRACKER_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(48),
        DATABASE_URL=UNREACHABLE,
        WEB_CONCURRENCY="1",
    )
    live = Deployment(UNREACHABLE, workdir, env)
    try:
        live.serve(healthy=503)
        yield live
    finally:
        live.stop()


def test_the_health_check_says_503(server_without_database):
    response = Visitor(server_without_database.url).get("/healthz")
    assert response.status_code == 503
    assert response.text == "database unavailable\n"


def test_signing_in_shows_the_friendly_page(server_without_database):
    visitor = Visitor(server_without_database.url)
    response = visitor.submit(
        "/login", lambda form: "email" in form.fields, {"email": "a@example.edu", "password": "x"}
    )
    assert response.status_code == 503
    assert "tracker is unavailable" in response.text
    assert "Internal Server Error" not in response.text
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
