"""Backups: one archive holding a consistent copy of the database and the uploaded documents.

`flask backup DEST` writes it, `flask restore SRC` brings it back (commands.py);
archive.py is the file format, sqlite_copy.py and postgresql_dump.py copy each kind
of database, instance.py answers what an instance holds.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""
