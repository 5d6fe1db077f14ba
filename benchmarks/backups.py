"""How long `flask backup` and `flask restore` take, and what they carry.

    .venv/bin/python benchmarks/backups.py 10000 200            # scratch SQLite files
    DATABASE_URL=postgresql+psycopg://... .venv/bin/python benchmarks/backups.py 10000 200

Builds about N records (bulk inserts, tracker/bench/data.py) and D documents of
200 kB each (through the upload operation), then runs the real commands as an
operator does, in new processes: `flask backup` into a scratch folder, `flask db
upgrade` and `flask restore` into a new instance. On PostgreSQL the records are
ADDED to the database DATABASE_URL names (point it at a scratch one), and the
new instance is a database named after it plus "_restore", made and dropped here.
Prints the tables, rows, documents and archive size, and each command's seconds
(the process's whole run, start-up included).
"""

import argparse
import io
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from werkzeug.datastructures import FileStorage  # noqa: E402

from tests.factories import make_user  # noqa: E402
from tracker import create_app  # noqa: E402
from tracker.bench.data import Sizes  # noqa: E402
from tracker.bench.data import build as build_records  # noqa: E402
from tracker.documents.operations import add_document  # noqa: E402
from tracker.enums import Role  # noqa: E402
from tracker.extensions import db  # noqa: E402
from tracker.mobilities.models import Mobility  # noqa: E402

DOCUMENT_BYTES = 200_000


def timed_flask(*args, database_url, upload_folder):
    environment = {
        **os.environ,
        "TRACKER_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": database_url,
        "UPLOAD_FOLDER": str(upload_folder),
    }
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603  (this interpreter, fixed arguments)
        [sys.executable, "-m", "flask", "--app", "wsgi", *map(str, args)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    return elapsed, result.stdout.strip()


def build(app, records, documents):
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        built = build_records(Sizes(records, max(records // 10, 2), max(records // 50, 1), 10))
        owner = make_user(Role.STAFF, email=f"bench{time.time_ns()}@example.edu")
        for number in range(documents):
            mobility = db.session.get(
                Mobility, built["mobilities"][number % len(built["mobilities"])]
            )
            content = b"%PDF-1.7\n" + os.urandom(DOCUMENT_BYTES) + b"\n%%EOF\n"
            upload = FileStorage(io.BytesIO(content), f"agreement {number}.pdf")
            add_document(mobility, owner, upload, "learning_agreement")
        db.session.commit()


def new_postgresql_database(url):
    """A database named after `url`'s plus "_restore", empty; returns its URL and a dropper."""
    url = sa.make_url(url)
    target = url.set(database=url.database + "_restore")
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = server.dialect.identifier_preparer.quote(target.database)
    with server.connect() as connection:
        connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(sa.text(f"CREATE DATABASE {name}"))

    def drop():
        with server.connect() as connection:
            connection.execute(sa.text(f"DROP DATABASE {name} WITH (FORCE)"))

    return target.render_as_string(hide_password=False), drop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=int, help="records to build")
    parser.add_argument("documents", type=int, help="documents to upload")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="backup-benchmark-"))
    source_url = os.environ.get("DATABASE_URL") or f"sqlite:///{scratch / 'source.sqlite'}"
    source_folder = scratch / "source-uploads"
    app = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=source_url, UPLOAD_FOLDER=str(source_folder)
    )
    build(app, args.records, args.documents)

    if source_url.startswith("postgresql"):
        target_url, drop = new_postgresql_database(source_url)
    else:
        target_url, drop = f"sqlite:///{scratch / 'restored.sqlite'}", lambda: None
    target_folder = scratch / "restored-uploads"
    try:
        backup_seconds, said = timed_flask(
            "backup", scratch, database_url=source_url, upload_folder=source_folder
        )
        (archive,) = scratch.glob("tracker-backup-*.tar.gz")
        timed_flask("db", "upgrade", database_url=target_url, upload_folder=target_folder)
        restore_seconds, _ = timed_flask(
            "restore", archive, database_url=target_url, upload_folder=target_folder
        )
    finally:
        drop()
    archive_size = archive.stat().st_size
    shutil.rmtree(scratch)

    print(f"database: {source_url.split('@')[-1]}")
    print(said)
    print(f"archive: {archive_size / 1e6:.1f} MB")
    print(f"flask backup: {backup_seconds:.1f} s; flask restore: {restore_seconds:.1f} s")


if __name__ == "__main__":
    main()
