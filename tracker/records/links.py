"""What history entries, comments and documents hang on: a project or a mobility."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship


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
