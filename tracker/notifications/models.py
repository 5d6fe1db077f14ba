"""A message for one user about one record, shown until they read it."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import UTCDateTime, enum_column, utcnow
from tracker.enums import LabelledEnum
from tracker.extensions import db
from tracker.records.models import RecordLink
from tracker.workflow.states import Status


class NotificationKind(LabelledEnum):
    STATUS_CHANGED = "status_changed", _l("Status changed")
    COMMENTED = "commented", _l("New comment")
    SUBMITTED = "submitted", _l("Submitted for review")
    GRANT_OVERRIDDEN = "grant_overridden", _l("Grant set by hand")
    OVERRIDE_REQUESTED = "override_requested", _l("Asked to set the grant by hand")


class Notification(RecordLink, db.Model):
    __tablename__ = "notifications"
    __table_args__ = (
        RecordLink.record_link_check(),
        sa.Index("ix_notifications_unread", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    kind: Mapped[NotificationKind] = mapped_column(enum_column(NotificationKind))
    status: Mapped[Status | None] = mapped_column(enum_column(Status))
    """For status changes: the new status."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User", foreign_keys=[user_id])
    actor = relationship("User", foreign_keys=[actor_id])
