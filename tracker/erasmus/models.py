"""Unit costs as data: one table of figures per call year, every change recorded.

A call year of the home National Agency holds named figures
("travel.standard.500-1999", "staff_per_day.1" …, see tracker.erasmus.unit_cost_figures
for the names), each with its source, and its country -> destination group mapping;
the grant calculator gets them as a RateTable. A figure without an amount is missing:
no source confirms one, and the office enters it. Figures are corrected, never deleted,
and each change leaves a UnitCostChange row: who, when, why, from what to what.
"""

from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import (
    LONG_TEXT,
    MONEY,
    NOTE_TEXT,
    UTCDateTime,
    enum_column,
    utcnow,
)
from tracker.enums import LabelledEnum
from tracker.erasmus.countries import DestinationGroup
from tracker.extensions import db


class UnitCostYear(db.Model):
    __tablename__ = "unit_cost_years"
    __table_args__ = (
        sa.CheckConstraint("call_year BETWEEN 2014 AND 2100", name="call_year_range"),
        sa.UniqueConstraint("national_agency", "call_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    national_agency: Mapped[str] = mapped_column(sa.String(4), server_default="NL01")
    """The agency whose table this is (NL01: the Dutch agency for higher education)."""
    call_year: Mapped[int]
    sources: Mapped[str] = mapped_column(sa.String(LONG_TEXT))
    """What the table as a whole rests on; each figure keeps its own source."""
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by = relationship("User")
    rates = relationship(
        "UnitCostRate", back_populates="year", order_by="UnitCostRate.key", lazy="selectin"
    )
    groups = relationship(
        "DestinationGroupMember",
        back_populates="year",
        order_by="DestinationGroupMember.country",
        lazy="selectin",
    )

    def figures(self):
        """{name: amount} of this year's figures; None for a missing one."""
        return {rate.key: rate.amount for rate in self.rates}

    def group_mapping(self):
        """{ISO country code: DestinationGroup} for this call year."""
        return {member.country: member.destination_group for member in self.groups}


class UnitCostRate(db.Model):
    __tablename__ = "unit_cost_rates"
    __table_args__ = (
        sa.UniqueConstraint("year_id", "key"),
        sa.CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(sa.ForeignKey("unit_cost_years.id"), index=True)
    key: Mapped[str] = mapped_column(sa.String(80))
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    """None: the figure is missing (no source confirms one) until the office enters it."""
    source: Mapped[str] = mapped_column(sa.String(LONG_TEXT), default="", server_default="")
    carried_over_from: Mapped[int | None]
    """The call year this figure repeats, until someone confirms or corrects it."""
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    year = relationship("UnitCostYear", back_populates="rates")


class DestinationGroupMember(db.Model):
    """A country's KA131 destination group in one call year (the groups changed in 2024)."""

    __tablename__ = "destination_groups"
    __table_args__ = (sa.UniqueConstraint("year_id", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(sa.ForeignKey("unit_cost_years.id"), index=True)
    country: Mapped[str] = mapped_column(sa.String(2))
    destination_group: Mapped[DestinationGroup] = mapped_column(enum_column(DestinationGroup))

    year = relationship("UnitCostYear", back_populates="groups")


class UnitCostChangeKind(LabelledEnum):
    YEAR_ADDED = "year_added", _l("Call year added")
    RATE_CORRECTED = "rate_corrected", _l("Rate corrected")
    RATE_ADDED = "rate_added", _l("Figure added")
    RATE_WITHDRAWN = "rate_withdrawn", _l("Figure withdrawn")


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
    revision: Mapped[str | None] = mapped_column(sa.String(40))
    """The database migration that made the change, when no person did."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    year = relationship("UnitCostYear")
    rate = relationship("UnitCostRate")
    user = relationship("User")
