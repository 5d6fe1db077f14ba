"""One record per create form, however often it is posted.

Every create form carries a one-time token (the hidden field `once`). When the
form creates a record, the token is stored with the address of that record, in
the same transaction. The same form posted again (a double click, the back
button, a browser that re-sends after a time-out) then leads to the record
already made instead of making another. Two posts racing each other meet the
token's primary key: one commits, the other finds the first one's record.
"""

import re
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask import flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import HiddenField

from tracker.column_types import UTCDateTime, utcnow
from tracker.extensions import db

TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_token():
    return secrets.token_urlsafe(24)


class SubmissionToken(db.Model):
    """A create form that was saved, and where its record is."""

    __tablename__ = "submission_tokens"

    token: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(sa.String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OneTimeToken:
    """Mixin for a create form: its one-time token, made fresh for every blank form."""

    once = HiddenField(default=new_token)


def _token(form):
    value = form.once.data if "once" in form else None
    return value if isinstance(value, str) and TOKEN.fullmatch(value) else None


def already_made(form):
    """The address of the record this very form made before, if it was saved already."""
    token = _token(form)
    if token is None or not current_user.is_authenticated:
        return None
    return db.session.scalar(
        sa.select(SubmissionToken.target).where(
            SubmissionToken.token == token, SubmissionToken.user_id == current_user.id
        )
    )


def replayed(form):
    """A redirect to the record this form made, when it is posted again; else None."""
    if request.method != "POST":
        return None
    earlier = already_made(form)
    if earlier is None:
        return None
    flash(_("This form was saved already; here is what it made."), "info")
    return redirect(earlier)


def commit_created(form, target):
    """Commit the new record with its form's token; the address to go to next.

    That is `target`, unless the same form, posted at the same moment, saved first:
    then this post's record is rolled back and the address of the first one returned.
    """
    token = _token(form)
    if token is not None:
        db.session.add(SubmissionToken(token=token, user_id=current_user.id, target=target))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        earlier = already_made(form)
        if earlier is None:
            raise
        return earlier
    return target
