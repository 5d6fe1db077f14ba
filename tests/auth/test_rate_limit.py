"""Guessing passwords is slowed down: too many sign-in attempts get 429."""

from tests.conftest import TrackerClient
from tracker import create_app


def test_sign_in_attempts_are_rate_limited(app, staff):
    limited = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        RATELIMIT_ENABLED=True,
        LOGIN_RATE_LIMIT="3 per minute",
    )
    limited.test_client_class = TrackerClient
    client = limited.test_client()
    responses = [
        client.submit("/login", {"email": staff.email, "password": "guess"}) for _ in range(4)
    ]
    assert [response.status_code for response in responses] == [422, 422, 422, 429]
    assert "Please wait a minute and try again." in responses[-1].get_data(as_text=True)
    assert client.get("/login").status_code == 200, "reading the page is not limited"
