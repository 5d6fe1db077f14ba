"""Column types every model shares: UTC timestamps, money, labelled enums."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

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
            raise ValueError("naive datetime stored; use tracker.columns.utcnow()")
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


def as_id(value):
    """`value` as a primary key to look up, or None when it cannot be one (a forged form)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None
