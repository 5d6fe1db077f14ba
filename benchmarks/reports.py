"""How the dashboard and the CSV export scale: time, queries, and the export's peak memory.

    .venv/bin/python benchmarks/reports.py 10000            # a scratch SQLite file
    DATABASE_URL=postgresql+psycopg://... .venv/bin/python benchmarks/reports.py 10000

Builds about N records (bulk inserts, tests/reports/bulk.py) plus one KA131 project
with 10,000 mobilities, then, signed in as a coordinator, requests the dashboard and
that project's mobility report as CSV (10,000 rows, streamed; set EXPORT_ROWS for
another size). With DATABASE_URL the records are ADDED to that database: point it
at a scratch one.
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from tests.factories import make_user  # noqa: E402
from tests.reports.bulk import build_records  # noqa: E402
from tracker import create_app  # noqa: E402
from tracker.enums import Role  # noqa: E402
from tracker.extensions import db  # noqa: E402
from tracker.workflow.states import Status  # noqa: E402

EXPORT_ROWS = int(os.environ.get("EXPORT_ROWS", 10_000))


@contextmanager
def counted(engine):
    statements = []

    def count(*args):
        statements.append(args[2])

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def signed_in_client(app, user_id):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True
    return client


def measure_dashboard(app, client):
    with app.app_context(), counted(db.engine) as statements:
        started = time.perf_counter()
        response = client.get("/reports/dashboard")
        response.get_data()
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return elapsed, len(statements)


def measure_export(app, client, project_id):
    """Read the streamed CSV chunk by chunk, keeping none: the peak is the export's own."""
    with app.app_context(), counted(db.engine) as statements:
        tracemalloc.start()
        started = time.perf_counter()
        response = client.get(f"/reports/projects/{project_id}/mobilities.csv", buffered=False)
        size = lines = 0
        for chunk in response.response:
            size += len(chunk)
            lines += chunk.count(b"\n")
        response.close()
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return elapsed, len(statements), peak, size, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="records to build")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL")
    scratch = None
    if not url:
        scratch = Path(tempfile.mkdtemp()) / "reports-benchmark.sqlite"
        url = f"sqlite:///{scratch}"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, RATELIMIT_ENABLED=False)
    with app.app_context():
        upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
        started = time.perf_counter()
        build_records(args.n)
        export = build_records(0, call_years=(2024,))
        project_id = export["funding"][0]
        build_records(EXPORT_ROWS, funding_ids=[project_id], status=Status.APPROVED)
        built = time.perf_counter() - started
        coordinator_id = make_user(Role.COORDINATOR, email=f"bench{time.time_ns()}@example.edu").id
        records = db.session.scalar(sa.select(sa.func.count()).select_from(sa.table("mobilities")))
    client = signed_in_client(app, coordinator_id)

    print(f"database: {url.split('@')[-1]}")
    print(f"built {args.n:,} + {EXPORT_ROWS:,} records in {built:.1f} s ({records:,} mobilities)")
    elapsed, queries = measure_dashboard(app, client)
    print(f"dashboard: {elapsed * 1000:.0f} ms, {queries} queries")
    elapsed, queries, peak, size, lines = measure_export(app, client, project_id)
    print(
        f"CSV export: {lines - 1:,} rows, {size / 1e6:.1f} MB in {elapsed * 1000:.0f} ms, "
        f"{queries} queries, peak memory {peak / 1e6:.1f} MB (tracemalloc)"
    )
    if scratch:
        scratch.unlink()
        scratch.parent.rmdir()


if __name__ == "__main__":
    main()
