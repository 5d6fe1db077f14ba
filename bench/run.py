"""`make bench`: tracker's main pages over HTTP against gunicorn, on a large data set.

    .venv/bin/python bench/run.py                      # SQLite, 100,000 mobilities
    .venv/bin/python bench/run.py --mobilities 20000 --label before --app-dir /tmp/main
    BENCH_DATABASE_URL=postgresql+psycopg://... .venv/bin/python bench/run.py

Builds the data (`flask bench-data`, into a scratch SQLite file or the EMPTY database
BENCH_DATABASE_URL names), serves it with gunicorn.conf.py and production settings
(2 workers, SQL_TIMING_HEADER on), signs in per role, warms up, then measures every
main page: median and 95th percentile, SQL statements and time (Server-Timing), HTML
size; the CSV export of all mobilities next to sqlite3 -csv / psql \\copy with the
worker's memory growth; wrk throughput of the list and the dashboard next to a bare
route and an empty signed-in page. Appends the tables to bench/RESULTS.md.
"""

import argparse
import os
import platform
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PASSWORD = "bench-password"  # noqa: S105  (a scratch database's bench accounts)
ACCOUNTS = {
    "staff": "bench-staff@example.edu",
    "coordinator": "bench-coordinator@example.edu",
    "admin": "bench-admin@example.edu",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mobilities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page")
    parser.add_argument("--label", default="", help="a name for the table (before, after)")
    parser.add_argument("--app-dir", default=str(ROOT), help="the tracker checkout to serve")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--roles", default="coordinator,staff")
    parser.add_argument("--no-results", action="store_true", help="print, do not append")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite'}"
    env = environment(args.app_dir, url, workdir)
    load_before = os.getloadavg()
    built = build(env, args)
    server = Server(env, args.app_dir, workdir)
    try:
        server.start()
        ids = sample_ids(url)
        lines = [heading(args, url, built, load_before)]
        sessions = {role: server.signed_in(role) for role in args.roles.split(",")}
        lines += page_table(server, sessions, ids, args.repeat)
        lines += after_write_table(server, sessions["coordinator"], url, ids, args.repeat)
        lines += export_table(server, sessions["coordinator"], url)
        lines += throughput_table(server, sessions["coordinator"], args.wrk_seconds)
        lines.append(f"\nLoad average at the end: {load_text(os.getloadavg())}.\n")
    finally:
        server.stop()
    text = "\n".join(lines)
    print(text)
    if not args.no_results:
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as results:
            results.write("\n" + text + "\n")
    shutil.rmtree(workdir, ignore_errors=True)


def environment(app_dir, url, workdir):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "FLASK_"))}
    env.update(
        PATH=f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        DATABASE_URL=url,
        FLASK_APP="wsgi",
        PYTHONPATH=app_dir,
        UPLOAD_FOLDER=str(workdir / "uploads"),
        SESSION_COOKIE_SECURE="false",
        SECRET_KEY=secrets.token_urlsafe(40),
        WEB_CONCURRENCY="2",
        GUNICORN_LOG_LEVEL="warning",
        GUNICORN_TIMEOUT="120",
        SQL_TIMING_HEADER="true",
        RATELIMIT_KEY_PREFIX="tracker-bench-" + secrets.token_hex(4),
        BENCH_APP_DIR=app_dir,
    )
    return env


def run(command, env, cwd=ROOT):
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build(env, args):
    """Migrate (the served checkout's migrations) and load the bench data; the seconds taken."""
    development = env | {"TRACKER_ENV": "development"}
    run([str(BIN / "flask"), "db", "upgrade"], development, cwd=args.app_dir)
    started = time.perf_counter()
    out = run(
        [str(BIN / "flask"), "bench-data", "--mobilities", str(args.mobilities)],
        development | {"PYTHONPATH": str(ROOT)},
    )
    return out.strip(), time.perf_counter() - started


class Server:
    def __init__(self, env, app_dir, workdir):
        self.env, self.app_dir, self.log = env, app_dir, workdir / "gunicorn.log"
        self.process = None

    def start(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        env = self.env | {"GUNICORN_BIND": f"127.0.0.1:{port}", "TRACKER_ENV": "production"}
        env["PYTHONPATH"] = str(ROOT)
        self.process = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "-c", str(Path(self.app_dir) / "gunicorn.conf.py")]
            + ["--access-logfile", "/dev/null", "bench.wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.3)
        sys.exit("gunicorn did not start:\n" + self.log.read_text())

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def signed_in(self, role):
        session = requests.Session()
        page = session.get(self.url + "/login").text
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        response = session.post(
            self.url + "/login",
            data={"email": ACCOUNTS[role], "password": PASSWORD, "csrf_token": token},
        )
        if "/login" in response.url:
            sys.exit(f"could not sign in as {role}")
        return session

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=60)


def sample_ids(url):
    """Ids for the detail pages: the project with the most mobilities, a small project, one
    mobility, one organisation; a call year and a faculty for the filtered pages."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as connection:

        def one(sql):
            return connection.execute(sa.text(sql)).scalar()

        ids = {
            "big": one(
                "SELECT project_id FROM mobilities GROUP BY project_id ORDER BY count(*) DESC"
                " LIMIT 1"
            ),
            "small": one("SELECT max(id) FROM projects"),
            "mobility": one("SELECT max(id) FROM mobilities"),
            "organisation": one("SELECT min(id) FROM organisations"),
            "year": one("SELECT max(call_year) FROM projects") - 1,
            "faculty": one("SELECT min(faculty) FROM mobilities"),
            "participant": one("SELECT participant_name FROM mobilities WHERE id % 997 = 0"),
        }
    engine.dispose()
    return ids


def pages(ids):
    """(name, path, roles) of every main page; "office" pages are not for staff."""
    year, faculty = ids["year"], ids["faculty"].replace(" ", "+")
    name = ids["participant"].split()[1]
    return [
        ("home", "/", "all"),
        ("dashboard", "/reports/dashboard", "all"),
        ("dashboard, one year", f"/reports/dashboard?call_year={year}", "all"),
        ("dashboard, one faculty", f"/reports/dashboard?faculty={faculty}", "all"),
        ("mobility list", "/mobilities/", "all"),
        ("mobility list, filtered", f"/mobilities/?call_year={year}&status=approved", "all"),
        ("mobility list, searched", f"/mobilities/?q={name}", "all"),
        ("mobility list, sorted by partner", "/mobilities/?sort=partner", "all"),
        ("mobility list, page 500", "/mobilities/?page=500", "all"),
        ("project list", "/projects/", "all"),
        ("project list, filtered", f"/projects/?call_year={year}&status=approved", "all"),
        ("project list, searched", "/projects/?q=Bench+project+1-77", "all"),
        ("project list, sorted by owner", "/projects/?sort=owner", "all"),
        ("project list, page 300", "/projects/?page=300", "all"),
        ("organisation list", "/organisations/", "all"),
        ("organisation list, searched", "/organisations/?q=University+1-12", "all"),
        ("organisation list, page 70", "/organisations/?page=70", "all"),
        ("deadline list", "/deadlines/", "all"),
        ("review queue", "/review", "office"),
        ("project with 10,000 mobilities", f"/projects/{ids['big']}", "office"),
        ("project, small", f"/projects/{ids['small']}", "office"),
        ("mobility detail", f"/mobilities/{ids['mobility']}", "office"),
        ("organisation detail", f"/organisations/{ids['organisation']}", "all"),
        ("reports index", "/reports/", "all"),
        ("priorities report", "/reports/priorities", "all"),
        ("budget report", f"/reports/budget?call_year={year}", "office"),
        ("project's mobility report", f"/reports/projects/{ids['big']}/mobilities", "office"),
        ("notifications (empty)", "/notifications/", "all"),
    ]


RENDER = {"Cache-Control": "no-cache"}
"""Sent with the per-page timings: a page is rendered afresh, never served as kept
(tracker/kept_pages.py), so the table shows what rendering it costs."""


def timed_get(session, url, headers=RENDER):
    started = time.perf_counter()
    response = session.get(url, timeout=300, headers=headers)
    elapsed = time.perf_counter() - started
    timing = re.search(r'dur=([\d.]+);desc="(\d+)', response.headers.get("Server-Timing", ""))
    sql_ms, statements = (float(timing.group(1)), int(timing.group(2))) if timing else (0, 0)
    return elapsed * 1000, response.status_code, len(response.content), statements, sql_ms


def median_and_p95(runs):
    """The median and 95th percentile of the times of `runs` (timed_get's results)."""
    times = sorted(run[0] for run in runs)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def page_table(server, sessions, ids, repeat):
    lines = [
        "| role | page | median ms | p95 ms | HTML KB | statements | SQL ms | status | kept ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for role, session in sessions.items():
        for name, path, roles in pages(ids):
            if roles == "office" and role == "staff":
                continue
            first = timed_get(session, server.url + path)  # warm-up
            # A page slower than a second is timed fewer times: the run must end.
            count = repeat if first[0] < 1000 else max(3, repeat // 3)
            runs = [timed_get(session, server.url + path) for _ in range(count)]
            median, p95 = median_and_p95(runs)
            _ms, status, size, statements, sql_ms = runs[-1]
            lines.append(
                f"| {role} | {name} | {median:,.0f} | {p95:,.0f} | "
                f"{size / 1024:,.0f} | {statements} | {sql_ms:,.1f} | {status} | "
                f"{kept_median(session, server.url + path, count)} |"
            )
    return lines


def rss_kb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def export_table(server, session, url):
    """All mobilities as CSV over HTTP, next to the database's own tool, with RSS growth.

    Each worker's peak (VmHWM) is started afresh first: the pages timed before would
    otherwise count as the export's growth.
    """
    for pid in server.workers():
        Path(f"/proc/{pid}/clear_refs").write_text("5")  # Linux: reset VmHWM to VmRSS
    before = {pid: rss_kb(pid, "VmRSS") for pid in server.workers()}
    started = time.perf_counter()
    response = session.get(server.url + "/mobilities/export.csv", stream=True, timeout=600)
    size = rows = 0
    for chunk in response.iter_content(65536):
        size += len(chunk)
        rows += chunk.count(b"\n")
    http_seconds = time.perf_counter() - started
    growth = max(rss_kb(pid, "VmHWM") - rss for pid, rss in before.items()) / 1024
    tool, tool_seconds = database_tool_seconds(url)
    return [
        "",
        "| export | rows | MB | seconds | vs database tool | worker RSS growth |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| /mobilities/export.csv (HTTP {response.status_code}) | {rows - 1:,} | "
        f"{size / 1e6:,.1f} | {http_seconds:,.2f} | {http_seconds / tool_seconds:,.1f}× | "
        f"{growth:,.0f} MB |",
        f"| {tool} of the mobilities table | | | {tool_seconds:,.2f} | 1× | |",
    ]


def kept_median(session, url, count):
    """The median time of the page as a repeated request gets it: kept, where it is kept."""
    timed_get(session, url, headers=None)  # keeps it
    times = [timed_get(session, url, headers=None)[0] for _ in range(count)]
    return f"{statistics.median(times):,.0f}"


AFTER_A_WRITE = ("home", "dashboard", "mobility list", "review queue", "budget report")


def after_write_table(server, session, url, ids, repeat):
    """The first view of a page after a write, as each page is after any save: the data
    version moved on (what a committed write does, here without changing a record), so no
    kept page and no kept figure serves it."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    lines = [
        "",
        "| coordinator, first view after a write | median ms | p95 ms | statements | SQL ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, path, _roles in pages(ids):
        if name not in AFTER_A_WRITE:
            continue
        runs = []
        for _ in range(repeat):
            with engine.begin() as connection:
                connection.execute(sa.text("UPDATE data_version SET value = value + 1"))
            runs.append(timed_get(session, server.url + path, headers=None))
        median, p95 = median_and_p95(runs)
        _ms, _status, _size, statements, sql_ms = runs[-1]
        lines.append(f"| {name} | {median:,.0f} | {p95:,.0f} | {statements} | {sql_ms:,.1f} |")
    engine.dispose()
    return lines


def database_tool_seconds(url):
    started = time.perf_counter()
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        with open(os.devnull, "w") as null:
            subprocess.run(  # noqa: S603
                ["sqlite3", "-csv", "-header", path, "SELECT * FROM mobilities"],  # noqa: S607
                stdout=null,
                check=True,
            )
        return "sqlite3 -csv", time.perf_counter() - started
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with open(os.devnull, "w") as null:
        subprocess.run(  # noqa: S603
            ["psql", plain, "-c", r"\copy mobilities TO STDOUT WITH CSV HEADER"],  # noqa: S607
            stdout=null,
            check=True,
        )
    return "psql \\copy", time.perf_counter() - started


def throughput_table(server, session, seconds):
    """wrk, 8 connections, with the coordinator's session cookie."""
    cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
    # The browser of the signed-in session: Flask-Login ties a session to its user agent.
    agent = ["-H", f"User-Agent: {session.headers['User-Agent']}"]
    results = {}
    render = ["-H", "Cache-Control: no-cache"]
    for name, path, headers in (
        ("bare route", "/bench/bare", []),
        ("empty signed-in page (/notifications/)", "/notifications/", []),
        ("mobility list", "/mobilities/", []),
        ("home", "/", []),
        ("dashboard", "/reports/dashboard", []),
        ("mobility list, rendered each time (no-cache)", "/mobilities/", render),
        ("home, rendered each time (no-cache)", "/", render),
        ("dashboard, rendered each time (no-cache)", "/reports/dashboard", render),
    ):
        out = subprocess.run(  # noqa: S603
            ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", f"Cookie: {cookie}", *agent, *headers]  # noqa: S607
            + ["--timeout", "60s", server.url + path],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        match = re.search(r"Requests/sec:\s+([\d.]+)", out)
        results[name] = float(match.group(1)) if match else 0.0
    floor = results["empty signed-in page (/notifications/)"] or 1
    bare = results["bare route"] or 1
    lines = [
        "",
        f"| wrk -t2 -c8 -d{seconds}s | requests/s | vs bare route | vs empty signed-in page |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, rate in results.items():
        lines.append(f"| {name} | {rate:,.1f} | {rate / bare:.3f} | {rate / floor:.2f} |")
    return lines


def load_text(load):
    return ", ".join(f"{value:.2f}" for value in load)


def heading(args, url, built, load):
    message, seconds = built
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    commit = subprocess.run(  # noqa: S603
        ["git", "-C", args.app_dir, "log", "-1", "--format=%h %s"],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout.strip()
    database = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    return (
        f"## {args.label or 'run'}: {database}, {args.mobilities:,} mobilities, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"Code: `{commit[:90]}`. Machine: {platform.node()}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}. Load average at the start: {load_text(load)} "
        f"(other work on the machine). Data: {message} ({seconds:.0f} s with the CLI's start). "
        f"gunicorn.conf.py, TRACKER_ENV=production, 2 workers × 4 threads; "
        f"{args.repeat} timed requests per page after one warm-up (3 for pages over 1 s).\n"
    )


if __name__ == "__main__":
    main()
