"""Passwords after NIST SP 800-63B: long, not common, not one repeated character, not one's own
e-mail or name; the same rules wherever a password is set."""

import hashlib

import pytest

from tests.conftest import sign_in
from tests.factories import DEFAULT_PASSWORD
from tracker.auth.models import User
from tracker.auth.passwords import COMMON_PASSWORDS_FILE, common_passwords, password_problem
from tracker.extensions import db

REFUSED = {
    "aaaaaaaaaaaa": "one character repeated",
    "qwerty123456": "a common password",
    "1Q2W3E4R5T6Y": "a common password, in capitals",
    "new.person@example.edu": "the e-mail address",
    "new.person": "the e-mail address before the @",
    "New Person Here": "the name",
    "short": "too short",
}


@pytest.mark.parametrize("password", sorted(REFUSED))
def test_a_weak_password_is_refused(password):
    assert password_problem(password, "new.person@example.edu", "New Person Here") is not None


def test_a_long_uncommon_password_is_accepted():
    assert password_problem("correct horse battery staple", "a@example.edu", "A B") is None


def test_the_shipped_list_is_the_one_its_header_names():
    text = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8")
    header, _blank, body = text.partition("\n\n")
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() in header
    assert "BSD" in header and "Royce Williams" in header
    assert len(common_passwords()) > 19000


def user_form(password, **changes):
    data = {
        "email": "new.person@example.edu",
        "full_name": "New Person Here",
        "role": "staff",
        "language": "en",
        "active": "y",
        "password": password,
        "confirm": password,
    }
    return data | changes


@pytest.mark.parametrize("password", ["aaaaaaaaaaaa", "qwerty123456", "new.person@example.edu"])
def test_the_admin_form_refuses_a_weak_password(admin_client, password):
    response = admin_client.submit("/users/new", user_form(password))
    assert response.status_code == 422
    assert 'id="password-error"' in response.get_data(as_text=True)
    assert db.session.scalar(db.select(User).where(User.email == "new.person@example.edu")) is None


def test_the_admin_reset_refuses_a_weak_password(admin_client, staff):
    data = user_form("aaaaaaaaaaaa", email=staff.email, full_name=staff.full_name)
    response = admin_client.submit(f"/users/{staff.id}", data)
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(User, staff.id).check_password(DEFAULT_PASSWORD)


def test_the_command_line_refuses_a_weak_password(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--email", "x@example.edu", "--name", "X"],
        input="aaaaaaaaaaaa\n",
    )
    assert result.exit_code != 0
    assert "one character repeated" in result.output
    assert db.session.scalar(db.select(User).where(User.email == "x@example.edu")) is None


@pytest.mark.parametrize("password", ["aaaaaaaaaaaa", "qwerty123456", "Sam Staff"])
def test_a_person_cannot_choose_a_weak_password_for_themselves(app, staff, password):
    client = sign_in(app.test_client(), staff)
    response = client.submit(
        "/password", {"current": DEFAULT_PASSWORD, "password": password, "confirm": password}
    )
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(User, staff.id).check_password(DEFAULT_PASSWORD)
