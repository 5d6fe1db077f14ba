"""Settings come from the environment; production refuses to run with a weak secret."""

import pytest

from tracker import create_app


@pytest.mark.parametrize("secret", ["", "dev-only-not-secret", "short-secret"])
def test_production_refuses_a_weak_secret_key(secret):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production", SECRET_KEY=secret, SQLALCHEMY_DATABASE_URI="sqlite://")


def test_production_starts_with_a_real_secret_key():
    app = create_app("production", SECRET_KEY="x" * 48, SQLALCHEMY_DATABASE_URI="sqlite://")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not app.debug


def test_without_database_url_sqlite_lives_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app("development", SQLALCHEMY_DATABASE_URI="")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/tracker.sqlite"
