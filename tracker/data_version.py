"""The data version: one number in the database that every committed write moves on.

Figures computed from the data (the dashboard's) are kept per process under the version
they were computed at, and reused until it changes: a page reads the version with one
statement instead of recounting every record. The number lives in the database, so every
gunicorn worker sees another's writes.

Every transaction that inserts, updates or deletes rows adds one to it, in the same
transaction, as its last statement before COMMIT: whoever reads the new version reads the
new data, and a rolled-back write leaves it as it was. The bump is a hook on the engine's
connections, not on the ORM session, so Core statements (the bench data), the command line
and the web all count. It comes last because an early row lock on PostgreSQL would order
the writers and could deadlock them.
"""

import re

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.extensions import db

BUMP = "UPDATE data_version SET value = value + 1"
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|TRUNCATE|MERGE)\b", re.IGNORECASE)
"""Statements that change rows, also when written as text (TRUNCATE empties tables)."""
WRITTEN = "tracker_data_written"
UNWATCHED = "data_version"
"""An execution option: False on a connection whose writes do not bump (the migrations)."""


class DataVersion(db.Model):
    """One row: the version of the data."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger, default=0)


def watch(engine):
    """Make every transaction on `engine` that writes a row bump the version at its commit."""
    sa.event.listen(engine, "after_cursor_execute", _note_write)
    sa.event.listen(engine, "commit", _bump)
    sa.event.listen(engine, "rollback", _forget)


def _note_write(conn, cursor, statement, parameters, context, executemany):
    if statement == BUMP or conn.get_execution_options().get(UNWATCHED) is False:
        return
    if context.isinsert or context.isupdate or context.isdelete or WRITE.match(statement):
        conn.info[WRITTEN] = True


def _bump(conn):
    if conn.info.pop(WRITTEN, False):
        conn.exec_driver_sql(BUMP)


def _forget(conn):
    conn.info.pop(WRITTEN, None)


def stored(engine):
    """The version in `engine`'s database; None where the table does not exist (yet)."""
    with engine.connect() as connection:
        if sa.inspect(connection).has_table(DataVersion.__tablename__):
            return connection.scalar(sa.select(DataVersion.value))
    return None


def move_past(engine, before):
    """After the whole database was replaced (a restore): a version above both the restored
    one and `before`, the replaced one's, so that no worker serves figures it kept under a
    number the restored data brings back."""
    if stored(engine) is None:
        return
    value = sa.case((DataVersion.value > (before or 0), DataVersion.value), else_=before or 0)
    with engine.begin() as connection:
        connection.execution_options(data_version=False)
        connection.execute(sa.update(DataVersion).values(value=value + 1))


def current(session):
    """The version `session` reads; None while it holds writes not yet committed, which no
    version describes (nothing computed from them may be kept)."""
    connection = session.connection()
    if session.new or session.dirty or session.deleted or connection.info.get(WRITTEN):
        return None
    return connection.scalar(sa.select(DataVersion.value).where(DataVersion.id == 1))
