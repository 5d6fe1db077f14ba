"""Shared records for the mobility tests: unit costs, funding projects, partners."""

from datetime import date

import pytest

from tests.factories import make_organisation, make_project, seed_unit_costs
from tracker.erasmus.actions import Action
from tracker.workflow.states import Status


@pytest.fixture
def unit_costs(app):
    """The shipped 2021-2023 tables, as the migration seeds them."""
    seed_unit_costs()


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
def ka171(coordinator):
    return make_project(
        coordinator,
        action=Action.KA171_HED,
        acronym="ICM-2022",
        call_year=2022,
        status=Status.ONGOING,
        start_date=date(2022, 8, 1),
        end_date=date(2025, 7, 31),
    )


@pytest.fixture
def partners():
    """One partner per country the tests need, by ISO code."""
    return {
        code: make_organisation(name=f"University in {code}", country=code, erasmus_code=None)
        for code in ("DE", "FI", "ES", "IT", "PL", "SE", "BE", "ID", "KE", "BR", "US")
    }
