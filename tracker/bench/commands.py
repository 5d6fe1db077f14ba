"""`flask bench-data`: the benchmark's data set (tracker/bench/data.py) in a scratch database."""

import time

import click
from flask import current_app

from tracker.auth.models import User
from tracker.bench.data import BENCH_ACCOUNTS, Sizes, build
from tracker.extensions import db


@click.command("bench-data")
@click.option("--mobilities", default=Sizes.mobilities, show_default=True)
@click.option("--projects", default=Sizes.projects, show_default=True)
@click.option("--organisations", default=Sizes.organisations, show_default=True)
@click.option("--users", default=Sizes.users, show_default=True)
@click.option("--call-years", default=Sizes.call_years, show_default=True)
@click.option(
    "--password",
    default="bench-password",
    show_default=True,
    help="The password of every bench account (" + ", ".join(BENCH_ACCOUNTS.values()) + ").",
)
def bench_data(mobilities, projects, organisations, users, call_years, password):
    """Add a large data set for benchmarks (bulk inserts; run it on a scratch database).

    Refused in production: its accounts share one published password.
    """
    if current_app.config["TRACKER_ENV"] == "production":
        raise click.ClickException(
            "Bench data is never loaded with TRACKER_ENV=production: load it into a scratch "
            "database with TRACKER_ENV=development."
        )
    hasher = User()
    hasher.set_password(password)
    started = time.perf_counter()
    sizes = Sizes(mobilities, projects, organisations, users, call_years)
    try:
        built = build(sizes, password_hash=hasher.password_hash)
    except Exception:
        db.session.rollback()
        raise
    _analyze()
    click.echo(
        f"Added {len(built['mobilities']):,} mobilities, {len(built['projects']):,} projects, "
        f"{len(built['organisations']):,} organisations and {len(built['users']):,} users "
        f"in {time.perf_counter() - started:.1f} s."
    )


def _analyze():
    """Leave PostgreSQL's tables as autovacuum would a minute or more after a bulk load, at
    once: the planner's statistics of the new rows (ANALYZE, as PostgreSQL's documentation
    asks after a bulk load; else a benchmark run right away measures plans made for empty
    tables), and the visibility map (VACUUM), without which an index-only scan still reads
    every row it finds (the budget report's sums, the list's count)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
