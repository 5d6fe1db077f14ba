"""Column types every model shares: UTC timestamps, money, labelled enums, bounded text and
dates, and the bounds of an id.

The limits here are the database's half of tracker's input rules; the form
base class (tracker/form_base.py) checks the same limits and tells the person.
"""

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator
from werkzeug.routing import IntegerConverter

MONEY = sa.Numeric(12, 2, asdecimal=True)
"""Euro amounts: exact decimals with cents, never floats."""


def utcnow():
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timezone-aware timestamp, stored in UTC on every database.

    SQLite keeps no time zone and hands back naive values; this type attaches
    UTC on the way out so that code always compares aware datetimes.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use tracker.column_types.utcnow()")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def enum_column(enum_class, name=None):
    """A column that stores an enum's value, constrained by a CHECK on every database.

    `name` names the CHECK; give one where a table holds two columns of one enum.
    """
    return sa.Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        name=name or enum_class.__name__.lower(),
        validate_strings=True,
    )


MAX_ID = 2**31 - 1
"""The largest primary key an INTEGER column holds on every database."""

FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2100, 12, 31)
"""Every date tracker keeps lies between these: none of its records is older or further off."""

SHORT_TEXT = 200
NOTE_TEXT = 2_000
LONG_TEXT = 5_000
SUMMARY_TEXT = 10_000
"""Lengths of free text: a name or title, a reason, a comment or note, a project summary."""


@event.listens_for(Session, "before_flush")
def refuse_values_beyond_their_columns(session, flush_context, instances):
    """Text longer than its VARCHAR, or a date outside FIRST_DATE..LAST_DATE, is never stored.

    PostgreSQL refuses long text itself, SQLite does not; this check makes both
    behave alike for everything written through the ORM (a script, a forgotten form).
    Forms refuse such values first, with a message next to the field.
    """
    for record in (*session.new, *session.dirty):
        for attribute in sa.inspect(record).mapper.column_attrs:
            problem = _beyond(attribute.columns[0].type, getattr(record, attribute.key))
            if problem:
                raise ValueError(f"{type(record).__name__}.{attribute.key}: {problem}")


def _beyond(column_type, value):
    """Why `value` does not fit a column of `column_type`; None when it does."""
    if value is None:
        return None
    if isinstance(value, str) and isinstance(column_type, sa.String) and column_type.length:
        if len(value) > column_type.length:
            return f"{len(value)} characters, at most {column_type.length}"
    elif isinstance(column_type, sa.Date) and not FIRST_DATE <= value <= LAST_DATE:
        return f"{value} outside {FIRST_DATE} to {LAST_DATE}"
    return None


class DatabaseIdConverter(IntegerConverter):
    """`<int:…>` in every URL: ids beyond what an INTEGER column holds are not found (404),
    on PostgreSQL as on SQLite, instead of reaching the database."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def as_id(value):
    """`value` as a primary key to look up, or None when it cannot be one (a forged form)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None
