"""Sessions end: a copy of an old session or "keep me signed in" cookie is refused."""

from datetime import UTC, datetime, timedelta

import pytest
from itsdangerous import TimestampSigner

from tests.conftest import sign_in
from tests.factories import DEFAULT_PASSWORD, make_user
from tracker.auth.models import User
from tracker.enums import Role
from tracker.extensions import db

NEW_PASSWORD = "a fresh passphrase for tracker"


def cookie(client, name):
    found = client.get_cookie(name)
    return found.value if found is not None else None


def signed_in_with_remember(app, user):
    client = app.test_client()
    response = client.submit(
        "/login", {"email": user.email, "password": DEFAULT_PASSWORD, "remember": "y"}
    )
    assert response.status_code == 302
    return client


def replay(app, session=None, remember=None):
    """A new browser holding copies of cookies taken earlier."""
    thief = app.test_client()
    if session:
        thief.set_cookie("session", session)
    if remember:
        thief.set_cookie("remember_token", remember)
    return thief


def test_a_copied_session_cookie_is_refused_after_sign_out(app, staff):
    client = sign_in(app.test_client(), staff)
    copied = cookie(client, "session")
    assert client.submit("/logout").status_code == 302
    assert replay(app, session=copied).get("/").status_code == 302


def test_a_copied_remember_cookie_is_refused_after_sign_out(app, staff):
    client = signed_in_with_remember(app, staff)
    copied = cookie(client, "remember_token")
    client.submit("/logout")
    assert replay(app, remember=copied).get("/").status_code == 302


def test_a_remember_cookie_is_refused_after_an_admin_resets_the_password(app, staff, admin):
    client = signed_in_with_remember(app, staff)
    copied = cookie(client, "remember_token")
    admin_client = sign_in(app.test_client(), admin)
    response = admin_client.submit(
        f"/users/{staff.id}",
        {
            "email": staff.email,
            "full_name": staff.full_name,
            "role": "staff",
            "language": "en",
            "active": "y",
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert replay(app, remember=copied).get("/").status_code == 302
    assert client.get("/").status_code == 302, "the session itself ended too"


@pytest.mark.parametrize("change", ["role", "deactivate"])
def test_a_role_change_or_deactivation_ends_every_session(app, staff, change):
    client = signed_in_with_remember(app, staff)
    copied = cookie(client, "remember_token")
    if change == "role":
        staff.role = Role.COORDINATOR
    else:
        staff.active = False
    db.session.commit()
    if change == "deactivate":
        staff.active = True
        db.session.commit()
    assert client.get("/").status_code == 302
    assert replay(app, remember=copied).get("/").status_code == 302


def test_the_remember_cookie_lasts_fourteen_days_by_default(app, staff):
    before = datetime.now(UTC)
    client = signed_in_with_remember(app, staff)
    expires = client.get_cookie("remember_token").expires
    assert timedelta(days=13) < expires - before <= timedelta(days=14, minutes=1)


def test_a_session_idle_longer_than_the_timeout_is_refused(app, staff):
    """A session cookie last refreshed nine hours ago (the default timeout is eight)."""
    client = sign_in(app.test_client(), staff)
    serializer = app.session_interface.get_signing_serializer(app)
    data = serializer.loads(cookie(client, "session"))

    class NineHoursAgo(TimestampSigner):
        def get_timestamp(self):
            return int((datetime.now(UTC) - timedelta(hours=9)).timestamp())

    serializer.signer = NineHoursAgo
    old = serializer.dumps(data)
    assert replay(app, session=old).get("/").status_code == 302
    assert client.get("/").status_code == 200, "an active session goes on"


def test_people_change_their_own_password_with_the_current_one(app, staff):
    client = sign_in(app.test_client(), staff)
    other_device = sign_in(app.test_client(), staff)
    wrong = client.submit(
        "/password",
        {"current": "not my password", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert wrong.status_code == 422
    assert "Your current password is not right." in wrong.get_data(as_text=True)
    response = client.submit(
        "/password",
        {"current": DEFAULT_PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200, "this browser stays signed in"
    assert other_device.get("/").status_code == 302, "every other session ends"
    db.session.expire_all()
    assert db.session.get(User, staff.id).check_password(NEW_PASSWORD)


def test_an_old_style_session_of_a_plain_user_id_is_refused(app):
    user = make_user()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    assert client.get("/").status_code == 302
