"""The four programme priorities, seeded by a migration and never edited in the app."""

import sqlalchemy as sa
from flask_babel import get_locale
from sqlalchemy.orm import Mapped, mapped_column

from tracker.extensions import db


class Priority(db.Model):
    __tablename__ = "priorities"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(32), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(120))
    name_nl: Mapped[str] = mapped_column(sa.String(120))
    position: Mapped[int] = mapped_column(unique=True)

    @property
    def name(self):
        """The name in the language of the current request."""
        locale = get_locale()
        return self.name_nl if locale and locale.language == "nl" else self.name_en

    def __str__(self):
        return self.name


project_priorities = sa.Table(
    "project_priorities",
    db.metadata,
    sa.Column("project_id", sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("priority_id", sa.ForeignKey("priorities.id"), primary_key=True),
)

mobility_priorities = sa.Table(
    "mobility_priorities",
    db.metadata,
    sa.Column("mobility_id", sa.ForeignKey("mobilities.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("priority_id", sa.ForeignKey("priorities.id"), primary_key=True),
)
