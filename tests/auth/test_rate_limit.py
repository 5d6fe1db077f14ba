"""Guessing passwords is slowed down per address and per account, and a throttled attempt
looks exactly like a wrong password (nobody learns which accounts exist)."""

import uuid

import pytest
import redis

from tests.conftest import TrackerClient
from tests.factories import DEFAULT_PASSWORD, make_user
from tracker import create_app
from tracker.extensions import limiter

WRONG = "The e-mail address or the password is wrong."


@pytest.fixture
def limited(app):
    """Lower both sign-in limits for one test (the suite's are out of reach) and restore them."""
    suite = app.config["LOGIN_RATE_LIMIT"], app.config.get("LOGIN_ACCOUNT_RATE_LIMIT")
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    app.config["LOGIN_ACCOUNT_RATE_LIMIT"] = "5 per 15 minutes"
    limiter.reset()
    yield app
    app.config["LOGIN_RATE_LIMIT"], app.config["LOGIN_ACCOUNT_RATE_LIMIT"] = suite
    limiter.reset()


def attempt(client, email, password, address="198.51.100.1"):
    return client.submit(
        "/login",
        {"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_failed_attempts_from_one_address_are_limited(client, staff, limited):
    responses = [attempt(client, staff.email, "guess") for _ in range(3)]
    blocked = attempt(client, staff.email, DEFAULT_PASSWORD)
    assert [response.status_code for response in responses] == [422, 422, 422]
    assert blocked.status_code == 422, "even the right password waits"
    assert WRONG in blocked.get_data(as_text=True)
    assert client.get("/").status_code == 302
    other_address = attempt(client, staff.email, DEFAULT_PASSWORD, address="198.51.100.2")
    assert other_address.status_code == 302


def test_one_account_attacked_from_many_addresses_is_limited(app, staff, limited):
    for number in range(5):
        response = attempt(app.test_client(), staff.email, "guess", f"203.0.113.{number}")
        assert response.status_code == 422
    blocked = attempt(app.test_client(), staff.email, DEFAULT_PASSWORD, "203.0.113.99")
    assert blocked.status_code == 422
    assert WRONG in blocked.get_data(as_text=True)
    someone_else = make_user()
    assert attempt(app.test_client(), someone_else.email, DEFAULT_PASSWORD).status_code == 302


def test_an_unknown_account_is_throttled_the_same_way(app, limited):
    """The answers for an existing and an unknown address never differ."""
    known, unknown = make_user(email="known@example.edu"), "unknown@example.edu"
    for address_number in range(6):
        address = f"192.0.2.{address_number}"
        answers = [
            attempt(app.test_client(), email, "guess", address) for email in (known.email, unknown)
        ]
        assert answers[0].status_code == answers[1].status_code == 422
        assert all(WRONG in answer.get_data(as_text=True) for answer in answers)


def test_successful_sign_ins_do_not_use_up_the_limit(client, staff, limited):
    for _ in range(5):
        assert attempt(client, staff.email, DEFAULT_PASSWORD).status_code == 302
        client.submit("/logout")


def redis_reachable():
    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_the_account_counter_lives_in_redis_shared_by_every_worker(app, staff):
    """Two application processes (two apps here) share the count through Redis."""
    prefix = f"tracker-test-{uuid.uuid4().hex}"
    settings = dict(
        SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        UPLOAD_FOLDER=app.config["UPLOAD_FOLDER"],
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0",
        RATELIMIT_KEY_PREFIX=prefix,
        LOGIN_ACCOUNT_RATE_LIMIT="3 per 15 minutes",
    )
    workers = [create_app("testing", **settings) for _ in range(2)]
    for worker in workers:
        worker.test_client_class = TrackerClient
    server = redis.Redis(host="127.0.0.1", port=6379)
    try:
        for number in range(3):
            client = workers[number % 2].test_client()
            assert attempt(client, staff.email, "guess", f"203.0.113.{number}").status_code == 422
        assert server.keys(f"*{prefix}*login-account*"), "the count is in Redis"
        blocked = attempt(workers[1].test_client(), staff.email, DEFAULT_PASSWORD, "203.0.113.9")
        assert blocked.status_code == 422
    finally:
        for key in server.scan_iter(f"*{prefix}*"):
            server.delete(key)
        limiter.init_app(app)  # the suite's own in-memory storage again
