"""A date the office must not miss: a call deadline or a report due."""

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import (
    LONG_TEXT,
    UTCDateTime,
    enum_column,
    utcnow,
)
from tracker.enums import LabelledEnum
from tracker.extensions import db


class DeadlineKind(LabelledEnum):
    CALL = "call", _l("Call deadline")
    REPORT = "report", _l("Reporting date")
    OTHER = "other", _l("Other")


class Deadline(db.Model):
    __tablename__ = "deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[DeadlineKind] = mapped_column(enum_column(DeadlineKind))
    due_date: Mapped[date] = mapped_column(index=True)
    project_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    notes: Mapped[str | None] = mapped_column(sa.String(LONG_TEXT))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    project = relationship("Project")
