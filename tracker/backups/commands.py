"""`flask backup DEST` and `flask restore SRC`: the instance in one archive, and back."""

from contextlib import contextmanager
from pathlib import Path

import click
import sqlalchemy as sa

from tracker.backups import BackupError
from tracker.backups.instance import newest_revision
from tracker.backups.operations import make_backup, restore_backup, summary


@contextmanager
def refusals():
    """A refusal or an unreachable database ends the command with its message, no traceback."""
    try:
        yield
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    except sa.exc.OperationalError as error:
        raise click.ClickException(f"The database cannot be reached: {error.orig}") from None


@click.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
def backup(dest):
    """Write one archive of the database and the uploaded documents to DEST.

    DEST is a folder (the archive is then named tracker-backup-<UTC time>.tar.gz)
    or the archive's file name; an existing file is never overwritten. The copy
    is consistent while tracker runs. The archive holds personal data: it is
    readable by its owner only; keep it as safe as the database.
    """
    with refusals():
        target, manifest = make_backup(dest)
    click.echo(f"Backed up {summary(manifest)} to {target}.")
    for name in manifest["documents_missing"]:
        click.echo(f"Warning: the database names the document {name}; the upload folder lacks it.")


@click.command("restore")
@click.argument("src", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Restore into an instance that holds data: its database is replaced by the "
    "archive's, and the archive's documents are added to its upload folder. Back it up first.",
)
def restore(src, force):
    """Bring back the database and the documents of the archive SRC.

    Restores only into an empty instance: a new database of the kind the archive
    holds (just created, or with nothing but `flask db upgrade` run) and an empty
    upload folder; anything else is refused unless --force is given. The archive
    is checked before anything changes (format, database kind, schema revision,
    every file's checksum), the restored instance after (rows per table, every
    document's checksum).
    """
    with refusals():
        manifest = restore_backup(src, force)
    click.echo(f"Restored {summary(manifest)} from {src}; checked against the archive.")
    if manifest["database"]["revision"] != newest_revision():
        click.echo(
            "The archive's schema is older than this version of tracker: "
            "run `flask db upgrade` before starting it."
        )
