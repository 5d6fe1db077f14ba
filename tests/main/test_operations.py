"""What an operator relies on: the health check, the page while the database is down,
security headers on every response, demo data kept out of production, and the user's
own address behind a reverse proxy."""

import pytest

from tests.conftest import TrackerClient, sign_in
from tests.factories import make_user
from tracker import create_app
from tracker.enums import Role

DEAD_DATABASE = "postgresql+psycopg://tracker@127.0.0.1:9/tracker?connect_timeout=2"
"""Nothing listens on the discard port: every connection is refused at once."""


@pytest.fixture
def app_without_database(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=DEAD_DATABASE, UPLOAD_FOLDER=str(tmp_path))
    app.test_client_class = TrackerClient
    return app


def test_healthz_answers_without_sign_in_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_says_503_when_the_database_is_down(app_without_database):
    response = app_without_database.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "database unavailable\n"
    assert response.headers["Cache-Control"] == "no-store"


def signed_in_while_down(app, user, app_without_database):
    """A browser that signed in before the database went away: it still holds the cookie."""
    cookie = sign_in(app.test_client(), user).get_cookie("session")
    down = app_without_database.test_client()
    down.set_cookie("session", cookie.value)
    return down


@pytest.mark.parametrize("path", ["/", "/mobilities/", "/projects/export.csv", "/review"])
def test_while_the_database_is_down_people_get_a_friendly_503(
    app, coordinator, app_without_database, path
):
    response = signed_in_while_down(app, coordinator, app_without_database).get(path)
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "tracker is unavailable" in page
    assert "Nothing was saved" in page
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_signing_in_while_the_database_is_down_gets_the_503_page(app_without_database):
    client = app_without_database.test_client()
    assert client.get("/login").status_code == 200, "the sign-in form needs no database"
    response = client.submit("/login", {"email": "a@example.edu", "password": "x" * 12})
    assert response.status_code == 503
    assert "tracker is unavailable" in response.get_data(as_text=True)


def test_a_signed_in_user_gets_the_503_page_in_their_browsers_language(
    app, staff, app_without_database
):
    """The session names a user the page cannot load: the page is shown as to a stranger,
    and the cookie is left alone, so the person is still signed in afterwards."""
    down = signed_in_while_down(app, staff, app_without_database)
    response = down.get("/", headers={"Accept-Language": "nl"})
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Afmelden" not in page
    after = app.test_client()
    after.set_cookie("session", down.get_cookie("session").value)
    assert after.get("/").status_code == 200, "still signed in once the database is back"


EXPECTED_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.mark.parametrize("path", ["/login", "/static/css/tracker.css", "/no-such-page", "/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers[name] == value
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response.headers


def test_production_sends_strict_transport_security(tmp_path):
    app = create_app(
        "production", SECRET_KEY="x" * 48, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/t.db"
    )
    response = app.test_client().get("/login")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_demo_data_is_refused_in_production(tmp_path):
    app = create_app(
        "production", SECRET_KEY="x" * 48, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/t.db"
    )
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code == 1
    assert "never loaded with TRACKER_ENV=production" in result.output


def test_behind_a_trusted_proxy_the_sign_in_limit_counts_each_users_address(session_app, app):
    """Two people behind one proxy: the one who mistyped is throttled (answered as a wrong
    password), the other signs in."""
    user = make_user(Role.STAFF)
    proxied = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=session_app.config["SQLALCHEMY_DATABASE_URI"],
        TRUSTED_PROXIES=1,
        LOGIN_RATE_LIMIT="2 per minute",
        RATELIMIT_KEY_PREFIX="proxy-test",
    )
    proxied.test_client_class = TrackerClient
    client = proxied.test_client()

    def attempt(address, password="wrong password, surely"):
        return client.submit(
            "/login",
            {"email": user.email, "password": password},
            headers={"X-Forwarded-For": address},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},
        )

    right = "correct horse battery staple"
    assert attempt("192.0.2.10").status_code == 422
    assert attempt("192.0.2.10").status_code == 422
    assert attempt("192.0.2.10", right).status_code == 422, "this address is throttled"
    assert attempt("192.0.2.20", right).status_code == 302, "the other address is not"
