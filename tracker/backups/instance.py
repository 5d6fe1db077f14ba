"""What an instance holds: its tables' rows, its schema revision, its documents.

Backup records these facts in the manifest; restore asks them of the target
first (is it empty?) and after (does it hold what the archive says?).
"""

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask import current_app

from tracker.backups import BackupError

SUPPORTED_DATABASES = ("sqlite", "postgresql")
SEEDED_TABLES = frozenset(
    {
        "alembic_version",
        "data_version",
        "priorities",
        "unit_cost_years",
        "unit_cost_rates",
        "unit_cost_changes",
        "destination_groups",
    }
)
"""Tables the migrations fill themselves: a freshly migrated instance has rows there.

Any other table with a row means the instance is in use."""


@dataclass(frozen=True)
class DatabaseFacts:
    """What one snapshot of a database holds: rows per table, revision, stored documents."""

    tables: dict
    revision: str | None
    document_names: frozenset


def database_kind(engine):
    kind = engine.dialect.name
    if kind not in SUPPORTED_DATABASES:
        raise BackupError(f"tracker backs up SQLite and PostgreSQL databases, not {kind}.")
    return kind


def facts_of(connection):
    """Read in one transaction, so that on a snapshot the facts agree with each other."""
    tables = {
        name: connection.scalar(sa.select(sa.func.count()).select_from(sa.table(name)))
        for name in sorted(sa.inspect(connection).get_table_names())
    }
    revision = None
    if "alembic_version" in tables:
        revision = connection.scalar(sa.text("SELECT version_num FROM alembic_version"))
    document_names = frozenset()
    if "attachments" in tables:
        document_names = frozenset(
            connection.scalars(sa.text("SELECT stored_name FROM attachments"))
        )
    return DatabaseFacts(tables, revision, document_names)


def upload_folder():
    return Path(current_app.config["UPLOAD_FOLDER"])


def documents_in(folder):
    """Every regular file under `folder`, by its path relative to it (POSIX style), sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def data_held(engine, folder):
    """What makes the instance not empty, one line each; nothing for an empty instance."""
    with engine.connect() as connection:
        tables = facts_of(connection).tables
    held = [
        f"{name}: {counted(rows, 'row')}"
        for name, rows in tables.items()
        if rows and name not in SEEDED_TABLES
    ]
    entries = list(folder.iterdir()) if folder.is_dir() else []
    if entries:
        held.append(f"the upload folder {folder}: {counted(len(entries), 'entry', 'entries')}")
    return held


def counted(number, noun, plural=None):
    """'1 row', '3 rows': command output in plain English."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def migration_scripts():
    return ScriptDirectory(current_app.extensions["migrate"].directory)


def known_revisions():
    return {script.revision for script in migration_scripts().walk_revisions()}


def newest_revision():
    return migration_scripts().get_current_head()
