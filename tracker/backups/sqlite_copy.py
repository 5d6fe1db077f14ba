"""SQLite: copy the database file with SQLite's online backup API, both ways.

The backup API copies every page under one read lock, so the copy is consistent
even while the application writes; copying the file with `cp` is not.
Restoring runs the same API the other way: the target's pages are replaced in
one write transaction, all or nothing.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

from tracker.backups import BackupError
from tracker.backups.instance import facts_of


def database_path(engine):
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        raise BackupError("The SQLite database must be a file to be backed up or restored.")
    return Path(name).resolve()


def _read_only(path):
    """Opened read-only, so that a wrong path never creates an empty database."""
    if not path.is_file():
        raise BackupError(f"There is no SQLite database at {path}.")
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def copy_database(engine, copy_file):
    """Copy the live database into `copy_file`; return the copy's facts."""
    path = database_path(engine)
    try:
        with closing(_read_only(path)) as live, closing(sqlite3.connect(copy_file)) as copy:
            live.backup(copy)
    except sqlite3.Error as error:
        raise BackupError(f"Copying {path} failed ({error}).") from None
    return facts_of_file(copy_file)


def restore_database(copy_file, engine):
    """Replace the whole database `engine` points at with `copy_file`'s content."""
    target = database_path(engine)
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} for the SQLite database does not exist.")
    engine.dispose()
    try:
        with closing(_read_only(Path(copy_file))) as copy, closing(sqlite3.connect(target)) as live:
            copy.backup(live)
    except sqlite3.Error as error:
        raise BackupError(
            f"Restoring into {target} failed ({error}); it is left as it was."
        ) from None


def facts_of_file(path):
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            return facts_of(connection)
    finally:
        engine.dispose()
