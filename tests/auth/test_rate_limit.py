"""Guessing passwords is slowed down: too many sign-in attempts get 429."""

import pytest

from tracker.extensions import limiter


@pytest.fixture
def limited(app):
    """Lower the sign-in limit for one test (the suite's is out of reach) and restore it."""
    suite_limit = app.config["LOGIN_RATE_LIMIT"]
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    limiter.reset()
    yield
    app.config["LOGIN_RATE_LIMIT"] = suite_limit
    limiter.reset()


def test_sign_in_attempts_are_rate_limited(client, staff, limited):
    responses = [
        client.submit("/login", {"email": staff.email, "password": "guess"}) for _ in range(4)
    ]
    assert [response.status_code for response in responses] == [422, 422, 422, 429]
    assert "Please wait a minute and try again." in responses[-1].get_data(as_text=True)
    assert client.get("/login").status_code == 200, "reading the page is not limited"
