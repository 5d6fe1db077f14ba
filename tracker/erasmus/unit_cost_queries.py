"""Named queries for the unit costs: the call years, and what the office still has to enter."""

from dataclasses import dataclass
from itertools import groupby

import sqlalchemy as sa

from tracker.erasmus.actions import Action
from tracker.erasmus.models import UnitCostRate, UnitCostYear
from tracker.erasmus.shipped_unit_costs import HOME_AGENCY
from tracker.erasmus.unit_cost_figures import NO_TABLE, figure_label, reading_order
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.projects.models import Project
from tracker.workflow.states import FINAL_STATUSES


@dataclass(frozen=True)
class MissingFigure:
    call_year: int
    rate_id: int | None
    """None: the call year has no table at all (add the year)."""
    name: str
    source: str
    """Why it is missing and where to look."""
    waiting: int
    """Open mobilities whose grant waits for it."""

    @property
    def label(self):
        return figure_label(self.name)


def home_years():
    """The home agency's call years, newest first, with their figures and groups."""
    return db.session.scalars(
        sa.select(UnitCostYear)
        .where(UnitCostYear.national_agency == HOME_AGENCY)
        .order_by(UnitCostYear.call_year.desc())
    ).all()


def home_year(call_year):
    return db.session.scalar(
        sa.select(UnitCostYear).where(
            UnitCostYear.national_agency == HOME_AGENCY, UnitCostYear.call_year == call_year
        )
    )


def _waiting():
    """Open mobilities per call year and the figure their grant waits for."""
    return (
        sa.select(
            Project.call_year.label("call_year"),
            Mobility.grant_waiting_for.label("name"),
            sa.func.count().label("n"),
        )
        .join(Project, Mobility.project)
        .where(Mobility.grant_waiting_for.is_not(None), Mobility.status.not_in(FINAL_STATUSES))
        .group_by(Project.call_year, Mobility.grant_waiting_for)
        .subquery()
    )


def missing_figures():
    """Per call year, newest first: every figure without an amount, and the call years of
    KA131/KA171 projects that have no table at all. Two statements.

    Returns [(call_year, [MissingFigure, ...]), ...].
    """
    waiting = _waiting()
    rows = db.session.execute(
        sa.select(
            UnitCostYear.call_year,
            UnitCostRate.id,
            UnitCostRate.key,
            UnitCostRate.source,
            sa.func.coalesce(waiting.c.n, 0).label("waiting"),
        )
        .join(UnitCostRate.year)
        .outerjoin(
            waiting,
            sa.and_(
                waiting.c.call_year == UnitCostYear.call_year, waiting.c.name == UnitCostRate.key
            ),
        )
        .where(UnitCostYear.national_agency == HOME_AGENCY, UnitCostRate.amount.is_(None))
    ).all()
    missing = [MissingFigure(r.call_year, r.id, r.key, r.source, r.waiting) for r in rows]
    missing += _years_without_table(waiting)
    missing.sort(key=lambda figure: -figure.call_year)
    return [
        (year, _in_reading_order(list(figures)))
        for year, figures in groupby(missing, key=lambda figure: figure.call_year)
    ]


def _in_reading_order(figures):
    by_name = {figure.name: figure for figure in figures}
    return [by_name[name] for name in reading_order(by_name)]


def _years_without_table(waiting):
    tabled = sa.select(UnitCostYear.call_year).where(UnitCostYear.national_agency == HOME_AGENCY)
    years = (
        sa.select(Project.call_year)
        .where(Project.action.in_(Action.funding_mobilities()), Project.call_year.not_in(tabled))
        .distinct()
        .subquery()
    )
    rows = db.session.execute(
        sa.select(years.c.call_year, sa.func.coalesce(sa.func.sum(waiting.c.n), 0))
        .outerjoin(waiting, waiting.c.call_year == years.c.call_year)
        .group_by(years.c.call_year)
    ).all()
    return [MissingFigure(year, None, NO_TABLE, "", int(n)) for year, n in rows]


def carried_over_counts():
    """{call year: how many of its figures are carried over, still to confirm}."""
    rows = db.session.execute(
        sa.select(UnitCostYear.call_year, sa.func.count())
        .join(UnitCostRate.year)
        .where(UnitCostRate.carried_over_from.is_not(None))
        .group_by(UnitCostYear.call_year)
    )
    return dict(rows.all())
