"""History and comments: what happened to a record, and what people said about it."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import LONG_TEXT, UTCDateTime, enum_column, utcnow
from tracker.enums import LabelledEnum
from tracker.extensions import db
from tracker.records.models import RecordLink
from tracker.workflow.states import Status


class HistoryKind(LabelledEnum):
    CREATED = "created", _l("Created")
    EDITED = "edited", _l("Edited")
    STATUS = "status", _l("Status changed")
    DOCUMENT_ADDED = "document_added", _l("Document added")
    DOCUMENT_DELETED = "document_deleted", _l("Document deleted")
    GRANT_OVERRIDDEN = "grant_overridden", _l("Grant overridden")
    GRANT_RECALCULATED = "grant_recalculated", _l("Grant recalculated")
    BAND_CHOSEN = "band_chosen", _l("Distance band chosen by hand")


class HistoryEntry(RecordLink, db.Model):
    """One thing that happened to a record. Rows are only ever added."""

    __tablename__ = "history"
    __table_args__ = (
        RecordLink.record_link_check(),
        # When a record was last submitted (the review queue): one index seek per record.
        sa.Index("ix_history_project_status_at", "project_id", "to_status", "created_at"),
        sa.Index("ix_history_mobility_status_at", "mobility_id", "to_status", "created_at"),
        # The review queue's first page: the last submissions, oldest first, walked in order.
        sa.Index("ix_history_status_at_project", "to_status", "created_at", "project_id"),
        sa.Index("ix_history_status_at_mobility", "to_status", "created_at", "mobility_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    kind: Mapped[HistoryKind] = mapped_column(enum_column(HistoryKind))
    from_status: Mapped[Status | None] = mapped_column(enum_column(Status, "from_status"))
    to_status: Mapped[Status | None] = mapped_column(enum_column(Status, "to_status"))
    changes: Mapped[dict | None] = mapped_column(sa.JSON)
    """For edits: {field: [old, new]} as text a person can read."""
    comment: Mapped[str | None] = mapped_column(sa.String(LONG_TEXT))

    user = relationship("User")


class Comment(RecordLink, db.Model):
    __tablename__ = "comments"
    __table_args__ = (RecordLink.record_link_check(),)

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.String(LONG_TEXT))
    asks_for_override: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    """The comment asks a coordinator to set the mobility's grant by hand."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    author = relationship("User")
