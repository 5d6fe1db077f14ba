"""The people who use tracker."""

import secrets
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, validates
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.column_types import UTCDateTime, enum_column, utcnow
from tracker.enums import Language, Role
from tracker.extensions import db


def new_session_token():
    return secrets.token_urlsafe(32)


def normalise_email(email):
    """E-mail addresses are compared case-insensitively: we keep them lower-case."""
    return (email or "").strip().lower()


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (sa.CheckConstraint("email = lower(email)", name="email_lower_case"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(200), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.STAFF)
    faculty: Mapped[str | None] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(default=True)
    language: Mapped[Language | None] = mapped_column(enum_column(Language), default=None)
    """The language the person chose; None until they choose: pages follow the browser."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    session_token: Mapped[str] = mapped_column(
        sa.String(64), unique=True, default=new_session_token
    )
    """What the session and "keep me signed in" cookies carry instead of the id: a new one
    ends every session, so a copy of an old cookie is worth nothing."""

    @validates("email")
    def _normalise_email(self, key, email):
        return normalise_email(email)

    @validates("password_hash", "role", "active")
    def _end_sessions_on_change(self, key, value):
        """A new password, another role or (de)activation signs the person out everywhere."""
        if self.id is not None and getattr(self, key) != value:
            self.end_sessions()
        return value

    def get_id(self):
        """Flask-Login's alternative id: sessions point at the token, not at the account."""
        return self.session_token

    def end_sessions(self):
        self.session_token = new_session_token()

    @property
    def is_active(self):
        """Flask-Login refuses to sign in (and signs out) an inactive user."""
        return self.active

    def set_password(self, password):
        """Salted scrypt through Werkzeug, never our own hashing; its cost is configuration."""
        method = current_app.config["PASSWORD_HASH_METHOD"]
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    def __repr__(self):
        return f"<User {self.email} {self.role.value}>"
