"""Making a backup and restoring one: the steps behind `flask backup` and `flask restore`."""

import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tracker import data_version
from tracker.backups import BackupError, archive, postgresql_dump, sqlite_copy
from tracker.backups.instance import (
    counted,
    data_held,
    database_kind,
    documents_in,
    facts_of,
    known_revisions,
    upload_folder,
)
from tracker.extensions import db

COPIERS = {"sqlite": sqlite_copy, "postgresql": postgresql_dump}
KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def make_backup(dest):
    """Copy the database, then archive the copy and the upload folder; return (path, manifest).

    The documents are read after the database copy is taken: a document is
    stored before its row is committed, so every document the copy names is on
    disk unless someone deleted it meanwhile (the manifest lists those).
    """
    created_at = datetime.now(UTC).replace(microsecond=0)
    target = archive.destination(dest, created_at)
    kind = database_kind(db.engine)
    db.session.remove()
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".tracker-backup-") as scratch:
        database = archive.Member(archive.DATABASE_FILES[kind], Path(scratch) / "database")
        facts = COPIERS[kind].copy_database(db.engine, database.path)
        documents = documents_in(upload_folder())
        members = [database] + [
            archive.Member(f"{archive.DOCUMENTS_FOLDER}/{name}", path)
            for name, path in documents.items()
        ]
        manifest = {
            "format": archive.FORMAT,
            "created_at": created_at.isoformat().replace("+00:00", "Z"),
            "database": {
                "kind": kind,
                "revision": facts.revision,
                "file": database.name,
                "tables": facts.tables,
            },
            "files": [archive.describe(member) for member in members],
            "documents_missing": sorted(facts.document_names - documents.keys()),
        }
        archive.write_archive(target, manifest, members)
    return target, manifest


def restore_backup(src, force=False):
    """Check the archive, check the instance is empty (unless `force`), restore, check again."""
    manifest = archive.read_manifest(src)
    kind = database_kind(db.engine)
    refuse_unrestorable(manifest, kind)
    folder = upload_folder()
    db.session.remove()
    held = data_held(db.engine, folder)
    if held and not force:
        raise BackupError(
            "tracker restores only into an empty instance, and this one holds data:\n  "
            + "\n  ".join(held)
            + "\nRestore into a new database and an empty upload folder, or, to replace "
            "this instance's data with the archive's, back it up first and run "
            "`flask restore --force`."
        )
    replaced_version = data_version.stored(db.engine)
    with tempfile.TemporaryDirectory(prefix="tracker-restore-") as scratch:
        archive.unpack(src, manifest, scratch)
        COPIERS[kind].restore_database(Path(scratch) / manifest["database"]["file"], db.engine)
        place_documents(Path(scratch) / archive.DOCUMENTS_FOLDER, folder)
    check_restored(manifest, folder)
    data_version.move_past(db.engine, replaced_version)
    return manifest


def refuse_unrestorable(manifest, kind):
    archived = manifest["database"]["kind"]
    if archived != kind:
        name = KIND_NAMES.get(archived, archived)
        raise BackupError(
            f"The archive holds a {name} database and this instance uses {KIND_NAMES[kind]}; "
            f"tracker restores into the same kind of database only. Point DATABASE_URL at a "
            f"new {name} database and restore there."
        )
    revision = manifest["database"]["revision"]
    if revision not in known_revisions():
        raise BackupError(
            f"The archive's schema is at revision {revision}, which this version of tracker "
            "does not know: a newer version wrote it. Update tracker to that version (or a "
            "newer one), then restore."
        )


def place_documents(unpacked, folder):
    """Move the unpacked documents into the upload folder; a file of the same name is replaced."""
    for name, path in documents_in(unpacked).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, folder / name)


def check_restored(manifest, folder):
    """The instance has the archive's rows in every table and its every document, byte for byte."""
    with db.engine.connect() as connection:
        tables = facts_of(connection).tables
    differences = [
        f"{name}: {tables.get(name, 'no table')} rows, the archive {rows}"
        for name, rows in manifest["database"]["tables"].items()
        if tables.get(name) != rows
    ]
    for name, entry in archive.documents_listed(manifest):
        if not (folder / name).is_file():
            differences.append(f"{folder / name} is missing")
        elif archive.sha256_of(folder / name) != entry["sha256"]:
            differences.append(f"{folder / name} differs from the archive's copy")
    if differences:
        raise BackupError(
            "The restored instance differs from the archive:\n  " + "\n  ".join(differences)
        )


def summary(manifest):
    """'18 tables (2,856 rows) and 3 documents (0.2 MB)'."""
    tables = manifest["database"]["tables"]
    sizes = [entry["size"] for _name, entry in archive.documents_listed(manifest)]
    return (
        f"{counted(len(tables), 'table')} ({counted(sum(tables.values()), 'row')}) and "
        f"{counted(len(sizes), 'document')} ({sum(sizes) / 1e6:.1f} MB)"
    )
