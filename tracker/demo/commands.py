"""`flask demo-data`: load the demo data set and the demo accounts."""

import click
import sqlalchemy as sa
from flask import current_app

from tracker.auth.models import User
from tracker.demo.accounts import DEMO_ACCOUNTS
from tracker.demo.loader import load_demo_data
from tracker.extensions import db

ORDER = (
    "accounts",
    "organisations",
    "projects",
    "project partners",
    "planned mobilities",
    "organised programmes",
    "mobilities",
    "history entries",
    "deadlines",
)


@click.command("demo-data")
@click.option(
    "--first-run",
    is_flag=True,
    help="Load only into a database without any account (what `make run` does every time).",
)
def demo_data(first_run):
    """Load the demo data set and the demo accounts (safe to run twice).

    Refused in production: the demo accounts' passwords are published in README.md.
    """
    if current_app.config["TRACKER_ENV"] == "production":
        raise click.ClickException(
            "Demo data is never loaded with TRACKER_ENV=production: its accounts' passwords "
            "are public. Load it into a scratch database with TRACKER_ENV=development."
        )
    if first_run and db.session.scalar(sa.select(sa.func.count()).select_from(User)):
        click.echo("Demo data not loaded: the database has accounts already.")
        return
    try:
        added = load_demo_data()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    if not added:
        click.echo("The demo data is loaded already; nothing added.")
        return
    click.echo("Added " + ", ".join(f"{added[what]} {what}" for what in ORDER if added[what]) + ".")
    if added["accounts"]:
        click.echo("Demo accounts (e-mail / password):")
        for account in DEMO_ACCOUNTS:
            click.echo(f"  {account.role.value:<12} {account.email:<28} {account.password}")
