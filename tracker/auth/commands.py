"""`flask users …`: manage accounts from the command line (first admin, scripts)."""

import sys

import click
from flask.cli import AppGroup

from tracker.auth.models import User, normalise_email
from tracker.auth.passwords import password_problem
from tracker.enums import Role
from tracker.extensions import db

users_cli = AppGroup("users", help="Manage user accounts.")

ROLE_CHOICE = click.Choice([role.value for role in Role])


def read_password():
    """Asked twice, hidden, on a terminal; one line from standard input otherwise.

    Never a command-line argument: those end up in shell history and `ps`.
    """
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


def find_user(email):
    user = db.session.scalar(db.select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No account with e-mail address {email}.")
    return user


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=ROLE_CHOICE, default=Role.STAFF.value, show_default=True)
@click.option("--faculty", default=None)
def create_user(email, full_name, role, faculty):
    """Create an account; the password is asked for, never given as an argument."""
    if db.session.scalar(db.select(User).where(User.email == normalise_email(email))):
        raise click.ClickException(f"An account with e-mail address {email} exists already.")
    password = read_password()
    problem = password_problem(password, email, full_name)
    if problem:
        raise click.ClickException(str(problem))
    user = User(email=email, full_name=full_name, role=Role(role), faculty=faculty)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role.value}).")


@users_cli.command("set-role")
@click.option("--email", required=True)
@click.option("--role", type=ROLE_CHOICE, required=True)
def set_role(email, role):
    """Give an account another role."""
    user = find_user(email)
    user.role = Role(role)
    db.session.commit()
    click.echo(f"{user.email} is now {user.role.value}.")


@users_cli.command("deactivate")
@click.option("--email", required=True)
def deactivate(email):
    """Stop an account from signing in; its records and history stay."""
    user = find_user(email)
    user.active = False
    db.session.commit()
    click.echo(f"{user.email} is deactivated.")
