"""An opt-in `Server-Timing` header with the SQL statements a request ran and their time.

For `make bench` and for anyone profiling a deployment: SQL_TIMING_HEADER=true turns it
on; it is off by default, because it tells a visitor how much work a page costs.
Statements run while a streamed response is read (an export) come after the header
and are not in it.
"""

import time

import sqlalchemy as sa
from flask import g, has_request_context


def register_sql_timing(app):
    if not app.config.get("SQL_TIMING_HEADER"):
        return
    with app.app_context():
        from tracker.extensions import db

        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", _started)
    sa.event.listen(engine, "after_cursor_execute", _finished)

    @app.after_request
    def add_header(response):
        count, seconds = g.get("sql_statements", 0), g.get("sql_seconds", 0.0)
        response.headers.add(
            "Server-Timing", f'sql;dur={seconds * 1000:.2f};desc="{count} statements"'
        )
        return response


def _started(conn, cursor, statement, parameters, context, executemany):
    if has_request_context():
        g.sql_started = time.perf_counter()


def _finished(conn, cursor, statement, parameters, context, executemany):
    if has_request_context() and "sql_started" in g:
        g.sql_statements = g.get("sql_statements", 0) + 1
        g.sql_seconds = g.get("sql_seconds", 0.0) + time.perf_counter() - g.pop("sql_started")
