"""tracker for `make bench`: the production application plus one bare route to compare with.

`/bench/bare` answers without session, database or template: what gunicorn and Flask
cost on their own. BENCH_APP_DIR (default: this checkout) is the tracker checkout to
serve, so the same benchmark measures another version (main, for the "before" table),
with this checkout's Server-Timing header if it has none.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("BENCH_APP_DIR", str(Path(__file__).resolve().parent.parent)))

from tracker import create_app  # noqa: E402

app = create_app()

if "SQL_TIMING_HEADER" not in app.config:
    # An older checkout (the "before" table): this checkout's Server-Timing header.
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_sql_timing", Path(__file__).resolve().parent.parent / "tracker" / "sql_timing.py"
    )
    sql_timing = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sql_timing)
    app.config["SQL_TIMING_HEADER"] = True
    sql_timing.register_sql_timing(app)


@app.route("/bench/bare")
def bare():
    return "ok"
