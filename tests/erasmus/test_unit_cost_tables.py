"""Unit costs as data: the stored figures give back the shipped tables, and the seed matches."""

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from tests.factories import seed_unit_costs
from tracker.erasmus.models import UnitCostRate
from tracker.erasmus.rate_tables import (
    figure_labels,
    figures_of,
    rate_table_from_db,
    rate_table_from_figures,
)
from tracker.erasmus.unit_costs import RATE_TABLES, shipped_call_years
from tracker.extensions import db

MIGRATIONS = Path(__file__).parents[2] / "migrations" / "versions"


def seed_migration():
    path = next(MIGRATIONS.glob("*_unit_costs_per_call_year_*.py"))
    spec = importlib.util.spec_from_file_location("unit_cost_seed", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_figures_give_back_the_shipped_table(call_year):
    table = RATE_TABLES[call_year]
    assert rate_table_from_figures(call_year, table.sources, figures_of(table)) == table


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_every_figure_has_a_label(app, call_year):
    assert set(figures_of(RATE_TABLES[call_year])) <= set(figure_labels())


def test_the_migration_seeds_the_shipped_tables():
    migration = seed_migration()
    assert tuple(shipped_call_years()) == migration.SEEDED_CALL_YEARS
    for call_year in migration.SEEDED_CALL_YEARS:
        shipped = figures_of(RATE_TABLES[call_year])
        assert {key: Decimal(value) for key, value in migration.SEEDED_FIGURES.items()} == shipped
        assert RATE_TABLES[call_year].sources == migration.SEEDED_SOURCES


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_the_stored_table_is_the_shipped_one(app, call_year):
    seed_unit_costs()
    assert rate_table_from_db(call_year) == RATE_TABLES[call_year]


def test_a_call_year_without_a_stored_table_has_none(app):
    seed_unit_costs()
    assert rate_table_from_db(2025) is None


def test_a_stored_correction_is_what_the_calculator_gets(app):
    seed_unit_costs()
    rate = db.session.scalar(
        db.select(UnitCostRate)
        .join(UnitCostRate.year)
        .where(UnitCostRate.key == "staff_per_day.2", UnitCostRate.year.has(call_year=2022))
    )
    rate.amount = Decimal("150.00")
    db.session.commit()
    from tracker.erasmus.countries import DestinationGroup

    assert rate_table_from_db(2022).staff_per_day[DestinationGroup.GROUP_2] == Decimal("150.00")
    assert rate_table_from_db(2021).staff_per_day[DestinationGroup.GROUP_2] == Decimal("144")


def test_a_stored_year_that_lacks_a_figure_says_which_one(app):
    from tracker.erasmus.models import UnitCostRate, UnitCostYear
    from tracker.erasmus.rate_tables import rate_table_from_db
    from tracker.extensions import db
    from tracker.mobilities.grants import MissingUnitCost

    year = UnitCostYear(call_year=2030, sources="a partial table")
    year.rates = [UnitCostRate(key="staff_per_day.1", amount=162)]
    db.session.add(year)
    db.session.commit()
    with pytest.raises(MissingUnitCost, match="call year 2030 lack the figure"):
        rate_table_from_db(2030)
