"""Counting the SQL statements a request runs: pages must cost the same whatever the data size."""

from contextlib import contextmanager

import sqlalchemy as sa

from tracker.extensions import db


@contextmanager
def counted_statements():
    """Collect every statement sent to the database inside the block."""
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


def statements_during_get(client, url):
    """How many statements one GET of `url` runs to render the page (the page must load):
    asked as a hard reload does, never served as kept (tracker/kept_pages.py)."""
    with counted_statements() as statements:
        response = client.get(url, headers={"Cache-Control": "no-cache"})
        response.get_data()  # a streamed response runs its query while it is read
    assert response.status_code == 200, url
    return len(statements)
