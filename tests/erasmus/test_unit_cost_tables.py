"""Unit costs as data: what tracker ships per call year, with sources, and what the migration
stores; the stored table is the calculator's."""

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from tests.factories import seed_unit_costs
from tracker.erasmus import unit_cost_figures as f
from tracker.erasmus.countries import PROGRAMME_COUNTRIES, DestinationGroup
from tracker.erasmus.models import UnitCostRate, UnitCostYear
from tracker.erasmus.shipped_unit_costs import SHIPPED_YEARS, missing_figures, shipped_call_years
from tracker.extensions import db
from tracker.mobilities.rate_tables import rate_table_from_db, shipped_rate_table

MIGRATIONS = Path(__file__).parents[2] / "migrations" / "versions"
G1, G2 = DestinationGroup.GROUP_1, DestinationGroup.GROUP_2
STUDENT_RATES = [f.student_per_month(group) for group in DestinationGroup]


def migration(pattern):
    path = next(MIGRATIONS.glob(pattern))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_calls_people_work_on_now_have_tables():
    assert shipped_call_years() == [2021, 2022, 2023, 2024, 2025, 2026]


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_every_figure_has_a_label_and_a_source(app, call_year):
    figures = SHIPPED_YEARS[call_year].figures
    assert set(figures) <= set(f.figure_labels())
    assert all(figure.source.strip() for figure in figures.values())


@pytest.mark.parametrize("call_year", [2021, 2022, 2023])
def test_2021_to_2023_pay_the_dutch_agencys_staff_rates_and_ship_no_student_rates(call_year):
    table = shipped_rate_table(call_year)
    assert [table.figures[f.staff_per_day(g)] for g in DestinationGroup] == [120, 110, 100]
    assert "Maastricht University" in SHIPPED_YEARS[call_year].figures["staff_per_day.1"].source
    assert missing_figures(call_year) == [*STUDENT_RATES, f.KA171_FEWER_OPPORTUNITIES_PER_MONTH]


def test_2024_ships_the_new_bands_and_rates_and_names_what_no_source_gives():
    table = shipped_rate_table(2024)
    standard = [table.figures[f.travel(band)] for band in f.BANDS]
    green = [table.figures.get(f.green_travel(band)) for band in f.BANDS]
    assert standard == [28, 211, 309, 395, 580, 1188, 1735]
    assert green == [56, 285, 417, 535, 785, None, None]
    assert table.figures[f.SHORT_TERM_PER_DAY_TO_14] == 79
    assert table.figures[f.SHORT_TERM_PER_DAY_15_TO_30] == 56
    assert [table.figures[f.staff_per_day(g)] for g in DestinationGroup] == [120, 110, 100]
    assert table.figures[f.BIP_SUPPORT_PER_PARTICIPANT] == 400
    assert table.figures[f.BIP_SUPPORT_MAX] == 8000
    assert missing_figures(2024) == [
        *STUDENT_RATES,
        f.KA171_OUTGOING_STUDENT_PER_MONTH,
        f.KA171_OUTGOING_STAFF_PER_DAY,
        f.ka171_incoming_student_per_month(G1),
        f.ka171_incoming_staff_per_day(G1),
        f.KA171_FEWER_OPPORTUNITIES_PER_MONTH,
    ]
    assert "VU Amsterdam" in SHIPPED_YEARS[2024].figures["staff_per_day.1"].source


def test_ka171_individual_support_ships_no_figure_from_2024_on():
    """No source gives them: the older calls' 700 and 180 are not carried over, only named."""
    for call_year in (2024, 2025, 2026):
        figures = SHIPPED_YEARS[call_year].figures
        for name in (f.KA171_OUTGOING_STUDENT_PER_MONTH, f.KA171_OUTGOING_STAFF_PER_DAY):
            assert figures[name].amount is None
            assert figures[name].source.startswith("Not found")


@pytest.mark.parametrize("call_year", [2025, 2026])
def test_2025_and_2026_carry_2024_over_marked_for_the_office_to_confirm(call_year):
    figures, of_2024 = SHIPPED_YEARS[call_year].figures, SHIPPED_YEARS[2024].figures
    assert {name: figure.amount for name, figure in figures.items()} == {
        name: figure.amount for name, figure in of_2024.items()
    }
    carried = {name for name, figure in figures.items() if figure.carried_over_from == 2024}
    confirmed_for_all_calls = {
        f.FEWER_OPPORTUNITIES_PER_MONTH,
        f.TRAINEESHIP_PER_MONTH,
        f.GREEN_TRAVEL_ONE_OFF,
    }
    with_amount = {name for name, figure in figures.items() if figure.amount is not None}
    assert carried == with_amount - confirmed_for_all_calls
    assert f.staff_per_day(G1) in carried and f.travel(f.BANDS[0]) in carried


def test_the_groups_changed_with_the_2024_call():
    old, new = SHIPPED_YEARS[2023].groups, SHIPPED_YEARS[2024].groups
    assert set(old) == set(new) == PROGRAMME_COUNTRIES
    moved_up = {code for code in old if old[code] is G2 and new[code] is G1}
    assert moved_up == {"AT", "BE", "FR", "DE", "IT", "NL"}
    into_group_2 = {code for code in old if old[code] is not G2 and new[code] is G2}
    assert into_group_2 == {"CZ", "EE", "LV", "SK", "SI"}


def test_the_migration_ships_exactly_these_tables():
    shipped = migration("*_unit_costs_per_figure_with_sources_*.py")
    assert sorted(shipped.YEAR_SOURCES) == shipped_call_years()
    for call_year, year in SHIPPED_YEARS.items():
        as_migrated = {
            name: (None if amount is None else Decimal(amount), source, carried)
            for name, (amount, source, carried) in shipped.shipped_figures(call_year).items()
        }
        assert as_migrated == {
            name: (figure.amount, figure.source, figure.carried_over_from)
            for name, figure in year.figures.items()
        }
        groups = {code: group.value for code, group in year.groups.items()}
        assert shipped.shipped_groups(call_year) == groups
        assert shipped.YEAR_SOURCES[call_year] == year.sources


def test_the_migration_knows_what_the_previous_one_seeded():
    previous = migration("*_unit_costs_per_call_year_*.py")
    current = migration("*_unit_costs_per_figure_with_sources_*.py")
    assert current.PREVIOUSLY_SHIPPED == previous.SEEDED_FIGURES


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_the_stored_table_is_the_shipped_one(app, call_year):
    seed_unit_costs()
    assert rate_table_from_db(call_year) == shipped_rate_table(call_year)


def test_a_call_year_without_a_stored_table_has_none(app):
    seed_unit_costs()
    assert rate_table_from_db(2027) is None


def test_a_stored_correction_is_what_the_calculator_gets(app):
    seed_unit_costs()
    rate = db.session.scalar(
        db.select(UnitCostRate)
        .join(UnitCostRate.year)
        .where(UnitCostRate.key == "staff_per_day.2", UnitCostYear.call_year == 2022)
    )
    rate.amount = Decimal("115.00")
    db.session.commit()
    assert rate_table_from_db(2022).amount("staff_per_day.2") == Decimal("115.00")
    assert rate_table_from_db(2021).amount("staff_per_day.2") == Decimal("110")
