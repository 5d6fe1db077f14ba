"""A country's KA131 destination group, looked up for a call year in the stored unit costs.

The groups changed with the 2024 call, so a group is always asked for a call year: the
calculation reads it from its RateTable, and pages and exports ask here. Both read the
same rows (destination_groups, one per country and call year of the home agency).
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import g

from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.models import DestinationGroupMember, UnitCostYear
from tracker.erasmus.shipped_unit_costs import HOME_AGENCY
from tracker.extensions import db


def _rows(*conditions):
    return db.session.execute(
        sa.select(
            UnitCostYear.call_year,
            DestinationGroupMember.country,
            DestinationGroupMember.destination_group,
        )
        .join(DestinationGroupMember.year)
        .where(UnitCostYear.national_agency == HOME_AGENCY, *conditions)
        .order_by(UnitCostYear.call_year)
    ).all()


def group_for(call_year: int | None, country: str | None) -> DestinationGroup | None:
    """The group of `country` in `call_year`; None outside the groups or without a table.

    Reads every year's groups in one statement, once per request: an export asks this
    for each of its rows.
    """
    if call_year is None or country is None:
        return None
    if "destination_groups" not in g:
        g.destination_groups = {(year, code): group for year, code, group in _rows()}
    return g.destination_groups.get((call_year, country))


@dataclass(frozen=True)
class GroupPeriod:
    first_call: int
    last_call: int
    group: DestinationGroup


def group_periods(country: str) -> list[GroupPeriod]:
    """The country's group call year by call year, consecutive years with one group joined:
    e.g. group 2 for the calls 2021-2023, group 1 for 2024-2026."""
    periods = []
    for year, _code, group in _rows(DestinationGroupMember.country == country):
        last = periods[-1] if periods else None
        if last and last.group is group and last.last_call == year - 1:
            periods[-1] = GroupPeriod(last.first_call, year, group)
        else:
            periods.append(GroupPeriod(year, year, group))
    return periods
