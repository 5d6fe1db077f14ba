"""A call year's unit costs as the grant calculator reads them: a RateTable.

The calculator asks a table for one named figure at a time (the names come from
tracker.erasmus.unit_cost_figures); a figure the table lacks, or holds without an
amount, raises MissingUnitCost naming it, so a grant says exactly which figure it
waits for. The table also knows the call year's destination groups.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.shipped_unit_costs import HOME_AGENCY, SHIPPED_YEARS
from tracker.extensions import db
from tracker.mobilities.grant_types import MissingUnitCost


@dataclass(frozen=True)
class RateTable:
    """The unit costs of one call year, in EUR."""

    call_year: int
    figures: Mapping[str, Decimal | None]
    """Every figure the year holds; None where it is missing."""
    groups: Mapping[str, DestinationGroup]
    """ISO country code -> destination group in this call year."""

    def amount(self, name: str) -> Decimal:
        """The figure `name`, or MissingUnitCost when the table has no amount for it."""
        amount = self.figures.get(name)
        if amount is None:
            raise MissingUnitCost(self.call_year, name)
        return amount

    def holds(self, name: str) -> bool:
        """Whether the table has a place for `name` (with or without an amount).

        A table without a place for a figure does not use it: the 2021 table has no green
        rate for 10-99 km, so green travel there is paid at the standard rate.
        """
        return name in self.figures

    def group_of(self, country: str) -> DestinationGroup | None:
        return self.groups.get(country.strip().upper())


def rate_table_from_db(call_year: int) -> RateTable | None:
    """The call year's table as stored (every correction included), or None when there is none."""
    from tracker.erasmus.models import UnitCostYear

    year = db.session.scalar(
        db.select(UnitCostYear).where(
            UnitCostYear.national_agency == HOME_AGENCY, UnitCostYear.call_year == call_year
        )
    )
    if year is None:
        return None
    return RateTable(
        call_year, MappingProxyType(year.figures()), MappingProxyType(year.group_mapping())
    )


def shipped_rate_table(call_year: int) -> RateTable | None:
    """The table tracker ships for `call_year`, before any correction; None when it ships none."""
    shipped = SHIPPED_YEARS.get(call_year)
    if shipped is None:
        return None
    figures = {name: figure.amount for name, figure in shipped.figures.items()}
    return RateTable(call_year, MappingProxyType(figures), shipped.groups)
