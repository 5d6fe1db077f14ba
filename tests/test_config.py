"""Settings come from the environment; production refuses to run with a weak secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import create_app
from tracker.auth.models import User

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("secret", ["", "dev-only-not-secret", "short-secret"])
def test_production_refuses_a_weak_secret_key(secret):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production", SECRET_KEY=secret, SQLALCHEMY_DATABASE_URI="sqlite://")


def test_production_starts_with_a_real_secret_key():
    app = create_app("production", SECRET_KEY="x" * 48, SQLALCHEMY_DATABASE_URI="sqlite://")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not app.debug


def test_production_hashes_passwords_at_werkzeugs_full_scrypt_cost():
    app = create_app("production", SECRET_KEY="x" * 48, SQLALCHEMY_DATABASE_URI="sqlite://")
    with app.app_context():
        user = User()
        user.set_password("correct horse battery staple")
    assert user.password_hash.startswith("scrypt:32768:8:1$")
    assert user.check_password("correct horse battery staple")


def test_without_database_url_sqlite_lives_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app("development", SQLALCHEMY_DATABASE_URI="")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/tracker.sqlite"


def test_production_starts_from_the_environment_as_readme_says(tmp_path):
    """The settings are read from the environment when config.py is imported, as under
    gunicorn: a real key must not count as weak because it is the one in the environment."""
    env = dict(
        os.environ,
        TRACKER_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(48),
        DATABASE_URL=f"sqlite:///{tmp_path}/tracker.sqlite",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi; print(wsgi.app.config['SESSION_COOKIE_SECURE'])"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_the_sql_timing_header_is_opt_in(app, tmp_path):
    from tracker import create_app

    assert "Server-Timing" not in app.test_client().get("/healthz").headers
    timed = create_app(
        "testing", SQL_TIMING_HEADER=True, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/t.db"
    )
    header = timed.test_client().get("/healthz").headers["Server-Timing"]
    assert header.startswith("sql;dur=") and "statements" in header
