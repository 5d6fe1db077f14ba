"""tracker deployed as README.md's "Production" section says, on gunicorn, reached over HTTP.

The commands are read from README.md and run verbatim, in a shell, in an environment
that differs from an operator's only where a test must: its own database
(`DATABASE_URL`), its own prefix in the limiter's storage, its own upload folder, a
free port, and plain HTTP on 127.0.0.1 (`SESSION_COOKIE_SECURE=false`).
"""

import re
import secrets
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PRODUCTION_SECTION = "## Production: gunicorn and PostgreSQL"
ADMIN_EMAIL = "you@example.edu"
STARTUP_SECONDS = 60


def readme_blocks():
    """The shell blocks of README's production section: install, configure, demo, serve."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index(PRODUCTION_SECTION) :]
    section = section[: section.index("\n## ", len(PRODUCTION_SECTION))]
    return [block.strip().splitlines() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_reachable(host="127.0.0.1", port=6379):
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Deployment:
    """One running tracker: its URL, its database, the admin made by `flask users create`."""

    database_url: str
    workdir: Path
    env: dict = field(default_factory=dict)
    admin_password: str = field(default_factory=lambda: "Live-" + secrets.token_urlsafe(18))
    commands: list = field(default_factory=list)
    server: subprocess.Popen | None = None
    url: str = ""

    @property
    def log_path(self):
        return self.workdir / "gunicorn.log"

    def prepare(self, overrides):
        """Run README's configure and demo blocks: exports, migration, first admin, demo data."""
        _install, configure, demo, _serve = readme_blocks()
        for line in configure + demo:
            self.run_line(line, overrides)

    def run_line(self, line, overrides):
        self.commands.append(line)
        export = re.match(r"export (\w+)=(.*)$", line)
        if export:
            name = export.group(1)
            self.env[name] = overrides.get(name) or self._evaluate(line, name)
            return
        password_twice = f"{self.admin_password}\n" * 2
        stdin = password_twice if "users create" in line else None
        result = subprocess.run(
            ["bash", "-c", line],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"`{line}` failed:\n{result.stdout}\n{result.stderr}"

    def _evaluate(self, export_line, name):
        script = f'{export_line}\nprintf "%s" "${name}"'
        return subprocess.run(
            ["bash", "-c", script], env=self.env, capture_output=True, text=True, check=True
        ).stdout

    def serve(self, healthy=200):
        """README's serve block, on a free port; returns once /healthz answers `healthy`."""
        *_before, serve = readme_blocks()
        (line,) = serve
        self.commands.append(line)
        port = free_port()
        self.env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        self.url = f"http://127.0.0.1:{port}"
        log = self.log_path.open("w")
        self.server = subprocess.Popen(
            ["bash", "-c", "exec " + line], cwd=ROOT, env=self.env, stdout=log, stderr=log
        )
        wait_until_healthy(self.url, self.server, self.log_path, healthy)

    def stop(self):
        if self.server is None:
            return
        self.server.terminate()
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()

    def server_log(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def wait_until_healthy(url, server, log_path, expected=200):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            if requests.get(url + "/healthz", timeout=10).status_code == expected:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer in {STARTUP_SECONDS} s:\n{log_path.read_text()}")


def base_environment(os_environ, workdir, database_url):
    """The operator's environment, less what belongs to the test run itself."""
    env = {
        name: value
        for name, value in os_environ.items()
        if not name.startswith(("TRACKER_", "TEST_", "PYTEST_", "FLASK_", "DATABASE_"))
    }
    env.update(
        PATH=f"{ROOT / '.venv' / 'bin'}:{os_environ.get('PATH', '/usr/bin:/bin')}",
        UPLOAD_FOLDER=str(workdir / "uploads"),
        SESSION_COOKIE_SECURE="false",
        WEB_CONCURRENCY="2",
        PYTHONUNBUFFERED="1",
    )
    overrides = {
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": ("redis://127.0.0.1:6379/0" if redis_reachable() else "memory://"),
    }
    env["RATELIMIT_KEY_PREFIX"] = "tracker-live-" + secrets.token_hex(4)
    return env, overrides
