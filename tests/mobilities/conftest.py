"""Shared records for the mobility tests: unit costs, funding projects, partners."""

from datetime import date
from decimal import Decimal

import pytest

from tests.factories import enter_figures, make_organisation, make_project, seed_unit_costs
from tracker.erasmus.actions import Action
from tracker.projects.models import ProjectPartner
from tracker.workflow.states import Status

OFFICE_STUDENT_RATES = {
    "student_per_month.1": Decimal("600"),
    "student_per_month.2": Decimal("550"),
    "student_per_month.3": Decimal("500"),
}
"""Long-term students' monthly rates as the office might enter them (tracker ships none)."""


@pytest.fixture
def unit_costs(app):
    """The shipped tables, as the migration stores them."""
    seed_unit_costs()


@pytest.fixture
def student_rates_entered(unit_costs):
    """The office has entered the 2022 and 2023 long-term students' monthly rates."""
    for call_year in (2022, 2023):
        enter_figures(call_year, OFFICE_STUDENT_RATES)


@pytest.fixture
def ka131(coordinator):
    """An approved KA131 project of the 2023 call, running 1 June 2023 to 31 July 2025."""
    return make_project(
        coordinator,
        action=Action.KA131_HED,
        acronym="KA131-2023",
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )


@pytest.fixture
def ka171(coordinator, partners):
    """An ongoing KA171 project of the 2022 call with partners in Indonesia, Kenya and Brazil."""
    return make_project(
        coordinator,
        action=Action.KA171_HED,
        acronym="ICM-2022",
        call_year=2022,
        status=Status.ONGOING,
        start_date=date(2022, 8, 1),
        end_date=date(2025, 7, 31),
        partners=[ProjectPartner(organisation=partners[code]) for code in ("ID", "KE", "BR")],
    )


@pytest.fixture
def partners():
    """One partner per country the tests need, by ISO code."""
    return {
        code: make_organisation(name=f"University in {code}", country=code, erasmus_code=None)
        for code in ("DE", "FI", "ES", "IT", "PL", "SE", "BE", "ID", "KE", "BR", "US")
    }
