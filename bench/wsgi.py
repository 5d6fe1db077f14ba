"""tracker for `make bench`: the production application plus one bare route to compare with.

`/bench/bare` answers without session, database or template: what gunicorn and Flask
cost on their own. BENCH_APP_DIR (default: this checkout) is the tracker checkout to
serve, so the same benchmark measures another version (main, for the "before" table).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("BENCH_APP_DIR", str(Path(__file__).resolve().parent.parent)))

from tracker import create_app  # noqa: E402

app = create_app()


@app.route("/bench/bare")
def bare():
    return "ok"
