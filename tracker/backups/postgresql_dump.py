"""PostgreSQL: `pg_dump --format=custom` to back up, `pg_restore` to bring it back.

The client programs come from the folder PG_BIN names, else from PATH, else from
the newest /usr/lib/postgresql/*/bin (Debian's layout); pg_dump must be at least
as new as the server. The connection is DATABASE_URL's, handed to them as a libpq
URI without the password; the password goes in PGPASSWORD, never on a command
line where `ps` would show it.
"""

import os
import re
import shutil
import subprocess  # nosec B404 (pg_dump and psql, run with argument lists)
from glob import glob
from pathlib import Path

import sqlalchemy as sa

from tracker.backups import BackupError
from tracker.backups.instance import facts_of

DEBIAN_FOLDERS = "/usr/lib/postgresql/*/bin"


def program(name):
    folder = os.environ.get("PG_BIN")
    if folder:
        path = Path(folder) / name
        if not os.access(path, os.X_OK):
            raise BackupError(f"PG_BIN is {folder}, and it holds no {name}.")
        return str(path)
    found = shutil.which(name) or max(glob(f"{DEBIAN_FOLDERS}/{name}"), default=None, key=_major)
    if found is None:
        raise BackupError(
            f"{name} is not installed: install the PostgreSQL client programs of the server's "
            "version (or newer), or set PG_BIN to the folder that holds them."
        )
    return found


def _major(path):
    match = re.search(r"/postgresql/(\d+)/", path)
    return int(match.group(1)) if match else 0


def connection_of(engine):
    """(libpq URI without the password, environment with PGPASSWORD) for the client programs."""
    url = engine.url
    environment = dict(os.environ)
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    without_password = sa.URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    uri = without_password.render_as_string(hide_password=False)
    return uri, environment


def copy_database(engine, copy_file):
    """pg_dump the database into `copy_file`; return the facts of the very snapshot it dumped.

    The counts and pg_dump read one exported snapshot, so they agree however
    busy the database is. The dump is left uncompressed: the archive compresses it.
    """
    uri, environment = connection_of(engine)
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(sa.text("SELECT pg_export_snapshot()"))
            facts = facts_of(connection)
            _run(
                [
                    program("pg_dump"),
                    "--format=custom",
                    "--compress=0",
                    f"--snapshot={snapshot}",
                    f"--file={copy_file}",
                    f"--dbname={uri}",
                ],
                environment,
            )
    return facts


def restore_database(copy_file, engine):
    """Replace every table of the database with the dump's, in one transaction.

    pg_restore turns the dump into an SQL script first; psql then drops the
    tables the database has now and runs the script, all in one transaction: if
    anything fails, the database is left exactly as it was.
    """
    uri, environment = connection_of(engine)
    script = Path(copy_file).with_suffix(".sql")
    _run(
        [
            program("pg_restore"),
            "--no-owner",
            "--no-privileges",
            f"--file={script}",
            str(copy_file),
        ],
        environment,
    )
    existing = sa.inspect(engine).get_table_names()
    engine.dispose()
    psql = [
        program("psql"),
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--dbname={uri}",
    ]
    if existing:
        quote = engine.dialect.identifier_preparer.quote
        psql.append(f"--command=DROP TABLE {', '.join(quote(name) for name in existing)} CASCADE")
    # The dump creates the search function again (migration 7d2c41e0b9a3); drop ours first.
    psql.append("--command=DROP FUNCTION IF EXISTS search_fold(text)")
    environment["PGOPTIONS"] = "-c client_min_messages=warning"
    _run([*psql, f"--file={script}"], environment, what="the database is left as it was")


def _run(command, environment, what="nothing was changed"):
    """Run a client program; its error output (never a password) goes into the message."""
    result = subprocess.run(  # noqa: S603  # nosec B603 (an argument list, never a shell)
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed; {what}:\n{result.stderr.strip()}")
