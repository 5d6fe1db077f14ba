"""Partner organisations: the universities and companies we work with."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.column_types import UTCDateTime, utcnow
from tracker.extensions import db


class Organisation(db.Model):
    __tablename__ = "organisations"
    __table_args__ = (
        sa.CheckConstraint("length(pic) = 9", name="pic_nine_digits"),
        sa.CheckConstraint("length(oid) = 9", name="oid_e_and_eight_digits"),
        sa.CheckConstraint("length(country) = 2 AND country = upper(country)", name="country_iso"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(255), index=True)
    erasmus_code: Mapped[str | None] = mapped_column(sa.String(20), unique=True)
    """E.g. ``D  BERLIN01``: country letters padded to three, city, number."""
    pic: Mapped[str | None] = mapped_column(sa.String(9), unique=True)
    oid: Mapped[str | None] = mapped_column(sa.String(9), unique=True)
    country: Mapped[str] = mapped_column(sa.String(2), index=True)
    city: Mapped[str | None] = mapped_column(sa.String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    def __str__(self):
        return self.name
