"""Unit costs as data: one table of figures per call year, every change recorded.

A call year holds named figures ("travel.standard.500-1999", "staff_per_day.2" …,
see tracker.erasmus.rate_tables for the names); the grant calculator gets them
as a RateTable. Figures are corrected, never deleted, and each correction or new
year leaves a UnitCostChange row: who, when, why, from what to what.
"""

from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.columns import (
    LONG_TEXT,
    MONEY,
    NOTE_TEXT,
    UTCDateTime,
    enum_column,
    utcnow,
)
from tracker.enums import LabelledEnum
from tracker.extensions import db


class UnitCostYear(db.Model):
    __tablename__ = "unit_cost_years"
    __table_args__ = (
        sa.CheckConstraint("call_year BETWEEN 2014 AND 2100", name="call_year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    call_year: Mapped[int] = mapped_column(unique=True)
    sources: Mapped[str] = mapped_column(sa.String(LONG_TEXT))
    """Where the figures come from, one source a line."""
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by = relationship("User")
    rates = relationship(
        "UnitCostRate", back_populates="year", order_by="UnitCostRate.key", lazy="selectin"
    )

    def figures(self):
        """{key: amount} of this year's figures."""
        return {rate.key: rate.amount for rate in self.rates}


class UnitCostRate(db.Model):
    __tablename__ = "unit_cost_rates"
    __table_args__ = (
        sa.UniqueConstraint("year_id", "key"),
        sa.CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(sa.ForeignKey("unit_cost_years.id"), index=True)
    key: Mapped[str] = mapped_column(sa.String(80))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    year = relationship("UnitCostYear", back_populates="rates")


class UnitCostChangeKind(LabelledEnum):
    YEAR_ADDED = "year_added", _l("Call year added")
    RATE_CORRECTED = "rate_corrected", _l("Rate corrected")


class UnitCostChange(db.Model):
    """One change to the unit costs. Rows are only ever added."""

    __tablename__ = "unit_cost_changes"
    __table_args__ = (
        sa.CheckConstraint(
            "kind <> 'rate_corrected' OR (rate_id IS NOT NULL AND new_amount IS NOT NULL)",
            name="correction_names_rate",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(sa.ForeignKey("unit_cost_years.id"), index=True)
    rate_id: Mapped[int | None] = mapped_column(sa.ForeignKey("unit_cost_rates.id"))
    kind: Mapped[UnitCostChangeKind] = mapped_column(enum_column(UnitCostChangeKind))
    old_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    new_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    reason: Mapped[str] = mapped_column(sa.String(NOTE_TEXT))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    year = relationship("UnitCostYear")
    rate = relationship("UnitCostRate")
    user = relationship("User")
