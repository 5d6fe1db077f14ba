"""Saved views and column choices: per user, per list ("mobilities" or "projects")."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import NOTE_TEXT, UTCDateTime, utcnow
from tracker.extensions import db

LIST_NAME = 20
VIEW_NAME = 100


class SavedView(db.Model):
    """A named filter of a list: its query string, kept for its owner, maybe for everyone."""

    __tablename__ = "saved_views"
    __table_args__ = (sa.UniqueConstraint("user_id", "list_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    list_name: Mapped[str] = mapped_column(sa.String(LIST_NAME))
    name: Mapped[str] = mapped_column(sa.String(VIEW_NAME))
    query: Mapped[str] = mapped_column(sa.String(NOTE_TEXT))
    """The list's query string: filters, sort and page size, as the address bar held them."""
    shared: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    """Offered to everyone in the office, not only to its owner."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")


class ListColumns(db.Model):
    """The columns a person hides in one list; no row: every column shows."""

    __tablename__ = "list_columns"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    list_name: Mapped[str] = mapped_column(sa.String(LIST_NAME), primary_key=True)
    hidden: Mapped[list] = mapped_column(sa.JSON, default=list)
