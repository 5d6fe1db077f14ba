"""The grant that counts and the funded duration: one figure, whether Python or the database
computes it (lists and reports sort and sum in SQL, pages and forms read the record)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.factories import make_mobility, make_organisation
from tracker.extensions import db
from tracker.mobilities.models import Mobility

CASES = {
    # name: (fields, expected duration, expected grant that counts)
    "calculated only": (
        {"grant_total": Decimal("1234.56")},
        153,
        Decimal("1234.56"),
    ),
    "override counts": (
        {
            "grant_total": Decimal("1000.00"),
            "grant_override_total": Decimal("800.00"),
            "grant_override_reason": "Agreed with the partner",
        },
        153,
        Decimal("800.00"),
    ),
    "override of nothing counts too": (
        {
            "grant_total": Decimal("1000.00"),
            "grant_override_total": Decimal("0.00"),
            "grant_override_reason": "Zero grant",
        },
        153,
        Decimal("0.00"),
    ),
    "no grant yet": ({}, 153, None),
    "no dates": ({"start_date": None, "end_date": None}, None, None),
    "one day": ({"start_date": date(2024, 3, 4), "end_date": date(2024, 3, 4)}, 1, None),
    "over a leap day": (
        {"start_date": date(2024, 2, 28), "end_date": date(2024, 3, 1)},
        3,
        None,
    ),
    "over no leap day": (
        {"start_date": date(2023, 2, 28), "end_date": date(2023, 3, 1)},
        2,
        None,
    ),
    "a year with a leap day": (
        {"start_date": date(2023, 9, 1), "end_date": date(2024, 8, 31)},
        366,
        None,
    ),
}


@pytest.fixture
def mobilities(staff, ka131):
    partner = make_organisation()
    return {
        name: make_mobility(staff, ka131, partner, participant_name=name, **fields)
        for name, (fields, _days, _grant) in CASES.items()
    }


def test_python_and_sql_give_the_same_duration_and_grant(mobilities):
    in_sql = {
        row.id: (row.duration_days, row.grant_amount)
        for row in db.session.execute(
            sa.select(Mobility.id, Mobility.duration_days, Mobility.grant_amount)
        )
    }
    for name, (_fields, days, grant) in CASES.items():
        mobility = mobilities[name]
        assert (mobility.duration_days, mobility.grant_amount) == (days, grant), name
        assert in_sql[mobility.id] == (days, grant), name


def test_a_query_filters_and_sums_by_the_same_figures(mobilities):
    one_day = db.session.scalars(sa.select(Mobility.id).where(Mobility.duration_days == 1)).all()
    committed = db.session.scalar(sa.select(sa.func.sum(Mobility.grant_amount)))
    assert one_day == [mobilities["one day"].id]
    assert committed == sum(m.grant_amount or 0 for m in mobilities.values())
    assert committed == Decimal("2034.56")


def test_the_export_gives_the_figures_the_mobility_page_shows(coordinator_client, mobilities):
    """The CSV's duration, grant and dates come from the database (PostgreSQL writes the
    amounts' and dates' text itself): the same figures as the record's, which its page shows."""
    text = coordinator_client.get("/mobilities/export.csv").get_data(as_text=True)
    rows = {row["Participant"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    for name, (_fields, days, grant) in CASES.items():
        row, mobility = rows[name], mobilities[name]
        dates = (mobility.start_date, mobility.end_date)
        assert row["Duration (days)"] == ("" if days is None else str(days)), name
        assert row["Grant (EUR)"] == ("" if grant is None else f"{grant:.2f}"), name
        assert (row["Start date"], row["End date"]) == tuple(
            "" if day is None else day.isoformat() for day in dates
        ), name
