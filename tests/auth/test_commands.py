"""`flask users …`: accounts from the command line; the password never an argument."""

import pytest

from tests.factories import make_user
from tracker.auth.models import User
from tracker.enums import Role
from tracker.extensions import db


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["users", *args], input=input)


def find(email):
    db.session.expire_all()
    return db.session.scalar(db.select(User).where(User.email == email))


def test_create_reads_the_password_from_standard_input(app):
    result = run(
        app,
        "create",
        "--email",
        "New.Person@Example.edu",
        "--name",
        "New Person",
        "--role",
        "coordinator",
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    user = find("new.person@example.edu")
    assert user.role is Role.COORDINATOR
    assert user.check_password("a long enough password")
    assert "a long enough password" not in result.output


def test_create_has_no_password_option(app):
    result = run(app, "create", "--email", "x@example.edu", "--name", "X", "--password", "p")
    assert result.exit_code != 0
    assert find("x@example.edu") is None


def test_create_refuses_a_short_password(app):
    result = run(app, "create", "--email", "x@example.edu", "--name", "X", input="short\n")
    assert result.exit_code != 0
    assert "at least 12 characters" in result.output
    assert find("x@example.edu") is None


def test_create_refuses_an_existing_email_in_any_case(app):
    make_user(email="taken@example.edu")
    result = run(
        app, "create", "--email", "TAKEN@example.edu", "--name", "X", input="long password 123\n"
    )
    assert result.exit_code != 0
    assert "exists already" in result.output


def test_create_refuses_an_unknown_role(app):
    result = run(
        app, "create", "--email", "x@example.edu", "--name", "X", "--role", "boss", input="pw\n"
    )
    assert result.exit_code != 0
    assert find("x@example.edu") is None


@pytest.mark.parametrize("role", list(Role))
def test_set_role(app, role):
    make_user(email="someone@example.edu")
    result = run(app, "set-role", "--email", "someone@example.edu", "--role", role.value)
    assert result.exit_code == 0, result.output
    assert find("someone@example.edu").role is role


def test_deactivate_stops_sign_in(app, client):
    make_user(email="leaving@example.edu")
    result = run(app, "deactivate", "--email", "leaving@example.edu")
    assert result.exit_code == 0, result.output
    assert find("leaving@example.edu").active is False


def test_unknown_email_is_a_clear_error(app):
    result = run(app, "deactivate", "--email", "nobody@example.edu")
    assert result.exit_code != 0
    assert "No account with e-mail address nobody@example.edu" in result.output
