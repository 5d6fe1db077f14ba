"""The database itself refuses bad data, whatever a script or a bug tries."""

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, StatementError

from tests.factories import make_user
from tracker.extensions import db


def insert(sql, **params):
    with db.engine.begin() as connection:
        connection.execute(sa.text(sql), params)


def insert_project(**values):
    """A raw row, past the ORM and the forms: only the database's constraints stand guard."""
    row = {
        "action": "KA131-HED",
        "title": "T",
        "call_year": 2024,
        "our_role": "coordinator",
        "status": "draft",
        "version": 1,
        "start_date": date(2024, 6, 1),
        "end_date": date(2026, 7, 31),
        "awarded_amount": "1000.00",
        "search_text": "t",
        **values,
    }
    columns = ", ".join(row)
    placeholders = ", ".join(f":{column}" for column in row)
    insert(
        f"INSERT INTO projects ({columns}, created_at, updated_at)"
        f" VALUES ({placeholders}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        **row,
    )


def test_a_good_project_row_is_accepted(app):
    insert_project(owner_id=make_user().id)


@pytest.mark.parametrize(
    "bad",
    [
        {"status": "approvedish"},
        {"action": "KA999"},
        {"end_date": date(2024, 5, 31)},
        {"call_year": 1999},
        {"awarded_amount": "-1.00"},
    ],
    ids=["unknown status", "unknown action", "end before start", "call year", "negative money"],
)
def test_the_database_refuses_a_bad_project(app, bad):
    owner = make_user()
    with pytest.raises(IntegrityError):
        insert_project(owner_id=owner.id, **bad)


def test_a_project_needs_an_existing_owner(app):
    with pytest.raises(IntegrityError):
        insert_project(owner_id=987654)


def test_email_is_unique_whatever_its_case(app):
    make_user(email="Same@Example.edu")
    with pytest.raises(IntegrityError):
        make_user(email="same@example.EDU")
    db.session.rollback()


def test_a_history_entry_belongs_to_exactly_one_record(app):
    with pytest.raises(IntegrityError):
        insert(
            "INSERT INTO history (kind, created_at) VALUES ('created', CURRENT_TIMESTAMP)",
        )


def test_naive_timestamps_are_refused_before_they_reach_the_database(app):
    from datetime import datetime

    user = make_user()
    user.created_at = datetime(2026, 1, 1, 12, 0)
    with pytest.raises(StatementError):
        db.session.commit()
    db.session.rollback()


def test_timestamps_come_back_in_utc(app):
    user = make_user()
    db.session.expire_all()
    assert db.session.get(type(user), user.id).created_at.utcoffset().total_seconds() == 0
