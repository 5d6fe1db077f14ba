"""The change trail of the records without a workflow (accounts, organisations, deadlines),
and what history entries, comments and documents hang on: a project or a mobility.

Projects and mobilities keep their trail in `history` (workflow/models.py), tied to the
record by foreign key (`RecordLink`). Change trail rows name their record by type and id
instead, with its label at the time, so a deletion keeps its trace after the record is gone.
"""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from tracker.column_types import UTCDateTime, enum_column, utcnow
from tracker.enums import LabelledEnum
from tracker.extensions import db


class ChangedRecord(LabelledEnum):
    """The kinds of record this trail covers, by table name."""

    USER = "users", _l("Account")
    ORGANISATION = "organisations", _l("Organisation")
    DEADLINE = "deadlines", _l("Deadline")


class ChangeKind(LabelledEnum):
    CREATED = "created", _l("Created")
    EDITED = "edited", _l("Edited")
    DELETED = "deleted", _l("Deleted")


class RecordChange(db.Model):
    """One change to an account, an organisation or a deadline. Rows are only ever added."""

    __tablename__ = "record_changes"
    __table_args__ = (sa.Index("ix_record_changes_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    """Who made the change (None: a command line)."""
    record_type: Mapped[ChangedRecord] = mapped_column(enum_column(ChangedRecord))
    record_id: Mapped[int]
    record_label: Mapped[str] = mapped_column(sa.String(300))
    """The record's name when changed: a deleted record is still named."""
    kind: Mapped[ChangeKind] = mapped_column(enum_column(ChangeKind))
    changes: Mapped[dict | None] = mapped_column(sa.JSON)
    """{field: [old, new]} as text a person can read."""

    user = relationship("User")


class RecordLink:
    """Mixin: a row that belongs to exactly one project or one mobility.

    Two nullable foreign keys and a CHECK keep referential integrity on every
    database, which a generic (type, id) pair would not.
    """

    @declared_attr
    def project_id(cls) -> Mapped[int | None]:
        return mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True)

    @declared_attr
    def mobility_id(cls) -> Mapped[int | None]:
        return mapped_column(sa.ForeignKey("mobilities.id", ondelete="CASCADE"), index=True)

    @declared_attr
    def project(cls):
        return relationship("Project")

    @declared_attr
    def mobility(cls):
        return relationship("Mobility")

    @classmethod
    def record_link_check(cls):
        return sa.CheckConstraint(
            "(project_id IS NULL) <> (mobility_id IS NULL)", name="one_record"
        )

    @property
    def record(self):
        return self.project if self.project_id is not None else self.mobility

    @record.setter
    def record(self, record):
        from tracker.projects.models import Project

        if isinstance(record, Project):
            self.project = record
        else:
            self.mobility = record
