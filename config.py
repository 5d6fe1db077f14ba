"""Settings per environment, read from the environment.

`create_app` picks a class by the ``TRACKER_ENV`` variable (development by
default). Every setting a deployment may change is an environment variable.
"""

import os
from datetime import timedelta


def _env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEVELOPMENT_SECRET_KEY = "dev-only-not-secret"  # noqa: S105  (refused in production)
WEAK_SECRET_KEYS = {"", DEVELOPMENT_SECRET_KEY, "changeme", "secret"}
"""Keys production refuses. Never derived from the environment: the real key comes from
there, and a set built from it would refuse every real key."""


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    # Empty means: an SQLite file in the instance folder (set in create_app).
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # Werkzeug's scrypt at its default cost (N=32768): slow on purpose, against guessing.
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105  (a hashing method, no password)
    OFFICE_TIMEZONE = os.environ.get("OFFICE_TIMEZONE", "Europe/Amsterdam")
    # Where distances to partners are measured from: a Dutch city of over 15,000 inhabitants.
    HOME_CITY = os.environ.get("HOME_CITY", "Leiden")
    BABEL_DEFAULT_LOCALE = "en"
    LANGUAGES = ("en", "nl")
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024
    # Empty means: "uploads" in the instance folder (set in create_app).
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", "")
    # E-mail notifications are sent only when MAIL_SERVER is set.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", False)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "tracker@localhost")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # Several tracker instances may share one Redis: each counts under its own prefix.
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "tracker")
    RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    LOGIN_ACCOUNT_RATE_LIMIT = os.environ.get("LOGIN_ACCOUNT_RATE_LIMIT", "10 per 15 minutes")
    # "Keep me signed in" lasts this long; without it a session ends after this much idle time.
    REMEMBER_COOKIE_DURATION = timedelta(days=float(os.environ.get("REMEMBER_DAYS", "14")))
    PERMANENT_SESSION_LIFETIME = timedelta(hours=float(os.environ.get("IDLE_TIMEOUT_HOURS", "8")))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # a form left open over lunch still submits
    PER_PAGE = 25
    # Reverse proxies in front of gunicorn that set X-Forwarded-For/-Proto/-Host (0: none).
    # Each user's address (which the sign-in limit counts) is read behind that many.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
    STRICT_TRANSPORT_SECURITY = False
    # A Server-Timing header with each request's SQL statements and time (make bench).
    SQL_TIMING_HEADER = _env_bool("SQL_TIMING_HEADER", False)


class DevelopmentConfig(Config):
    DEBUG = True


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing"  # noqa: S105  (tests only)
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "")
    # On, so that the limiter is exercised, but out of reach of the suite's many sign-ins;
    # tests/auth/test_rate_limit.py lowers both.
    LOGIN_RATE_LIMIT = "100000 per minute"
    # The same scrypt at 1/32 of the cost: the suite signs in over a thousand times.
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"  # noqa: S105  (a hashing method)
    LOGIN_ACCOUNT_RATE_LIMIT = "100000 per minute"
    MAIL_SERVER = ""


class ProductionConfig(Config):
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    STRICT_TRANSPORT_SECURITY = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
