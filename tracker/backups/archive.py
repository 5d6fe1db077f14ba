"""The backup archive: a gzipped tar of manifest.json, the database copy and the documents.

    manifest.json              format, database kind, schema revision, rows per table, files
    database/tracker.sqlite    or database/tracker.pgdump (pg_dump's custom format)
    uploads/<stored name>      every file of the upload folder

The manifest comes first, so that restore refuses an archive it cannot restore
before unpacking the rest, and it lists every other member with its size and
SHA-256, so that a damaged or altered archive is refused instead of restored.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tracker.backups import BackupError

FORMAT = 1
"""Increased whenever the archive's layout changes; restore refuses a newer format."""

MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database/tracker.sqlite", "postgresql": "database/tracker.pgdump"}
DOCUMENTS_FOLDER = "uploads"
FOLDERS = {"database", DOCUMENTS_FOLDER}
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Member:
    """A file to archive: its name in the archive and where it is on disk."""

    name: str
    path: Path


def archive_name(created_at):
    return f"tracker-backup-{created_at:%Y-%m-%dT%H%M%SZ}.tar.gz"


def destination(dest, created_at):
    """The archive's path: inside DEST when it is a folder, DEST itself otherwise.

    An existing file is never overwritten.
    """
    dest = Path(dest)
    target = dest / archive_name(created_at) if dest.is_dir() else dest
    if target.exists():
        raise BackupError(f"{target} exists already; choose another name or move it away first.")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    return target


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe(member):
    return {
        "name": member.name,
        "size": member.path.stat().st_size,
        "sha256": sha256_of(member.path),
    }


def documents_listed(manifest):
    """The manifest's documents: (path inside the upload folder, entry) each."""
    prefix = DOCUMENTS_FOLDER + "/"
    return [
        (entry["name"].removeprefix(prefix), entry)
        for entry in manifest["files"]
        if entry["name"].startswith(prefix)
    ]


def write_archive(target, manifest, members):
    """Write the archive to a temporary file beside `target`, then rename it into place.

    The file is readable by its owner only (0600) from the start: it holds personal data.
    A reader never sees a half-written archive under the final name.
    """
    descriptor, partial = tempfile.mkstemp(dir=target.parent, prefix=".tracker-backup-")
    try:
        with os.fdopen(descriptor, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                for member in members:
                    _add_file(tar, member)
            raw.flush()
            os.fsync(raw.fileno())
        if target.exists():
            raise BackupError(f"{target} appeared while the backup ran; it is left as it was.")
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _member_info(name, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(time.time())
    return info


def _add_bytes(tar, name, data):
    tar.addfile(_member_info(name, len(data)), io.BytesIO(data))


def _add_file(tar, member):
    with member.path.open("rb") as file:
        tar.addfile(_member_info(member.name, os.fstat(file.fileno()).st_size), file)


def _sync_folder(folder):
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_manifest(source):
    """The archive's manifest, checked for a format this code reads."""
    try:
        with tarfile.open(source, mode="r|gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError(f"{source} is not a tracker backup: it has no manifest first.")
            manifest = json.load(tar.extractfile(first))
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupError(f"{source} is not a readable tracker backup ({error}).") from None
    fmt = manifest.get("format") if isinstance(manifest, dict) else None
    if not isinstance(fmt, int) or fmt > FORMAT:
        raise BackupError(
            f"{source} was written in archive format {fmt}; this version of tracker reads "
            f"format {FORMAT} and older. Restore it with the tracker version that wrote it "
            "(or a newer one)."
        )
    _check_manifest(source, manifest)
    return manifest


def _check_manifest(source, manifest):
    database, files = manifest.get("database"), manifest.get("files")
    complete = (
        isinstance(database, dict)
        and {"kind", "revision", "file", "tables"} <= database.keys()
        and isinstance(files, list)
        and all(
            isinstance(entry, dict) and {"name", "size", "sha256"} <= entry.keys()
            for entry in files
        )
    )
    if not complete or database["file"] not in {entry["name"] for entry in files}:
        raise BackupError(f"{source} has an incomplete manifest; it cannot be restored.")
    for entry in files:
        _check_member_name(entry["name"])


def _check_member_name(name):
    """Only files inside the archive's two folders: nothing is ever unpacked elsewhere."""
    path = PurePosixPath(name)
    if (
        path.is_absolute()
        or ".." in path.parts
        or len(path.parts) < 2
        or path.parts[0] not in FOLDERS
    ):
        raise BackupError(f"The archive names a file outside its folders: {name!r}.")


def unpack(source, manifest, folder):
    """Write every member the manifest lists into `folder`, checking each one's size and SHA-256.

    Raises BackupError, having changed nothing outside `folder`, if a member is
    missing, unexpected or different from what the manifest says.
    """
    expected = {entry["name"]: entry for entry in manifest["files"]}
    seen = set()
    try:
        with tarfile.open(source, mode="r|gz") as tar:
            members = iter(tar)
            next(members)  # the manifest, read already
            for info in members:
                entry = expected.get(info.name)
                if entry is None or not info.isfile() or info.name in seen:
                    raise BackupError(
                        f"The archive holds a file its manifest does not list: {info.name}."
                    )
                _unpack_member(tar.extractfile(info), Path(folder) / info.name, entry)
                seen.add(info.name)
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{source} is damaged ({error}); nothing was restored.") from None
    missing = sorted(expected.keys() - seen)
    if missing:
        raise BackupError(f"The archive lacks files its manifest lists: {', '.join(missing)}.")


def _unpack_member(stream, path, entry):
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with path.open("wb") as file:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            file.write(chunk)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            f"{entry['name']} in the archive differs from its manifest: the archive is damaged "
            "or altered; nothing was restored."
        )
