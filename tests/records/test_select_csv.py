"""A select's CSV from the driver's values writes what csv_lines writes from the values
SQLAlchemy makes of them, for every column type the exports select, on either driver."""

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tracker.column_types import MONEY, enum_column
from tracker.erasmus.mobility_types import DistanceBand
from tracker.records.csv_export import cell, neutralised
from tracker.records.select_csv import FileTexts, neutralised_column, text_of_type
from tracker.workflow.states import Status

CASES = [
    # (column type, what a driver gives, what SQLAlchemy makes of it)
    (MONEY, 1399, Decimal("1399.00")),  # SQLite: a whole amount comes back as an integer
    (MONEY, 320.5, Decimal("320.50")),
    (MONEY, 0.1 + 0.2, Decimal("0.30")),
    (MONEY, -12.05, Decimal("-12.05")),
    (MONEY, Decimal("2187.45"), Decimal("2187.45")),  # psycopg
    (MONEY, "2187.45", Decimal("2187.45")),  # PostgreSQL's own text of it (server_text)
    (MONEY, None, None),
    (sa.Date(), "2024-10-01", date(2024, 10, 1)),  # SQLite keeps the ISO text
    (sa.Date(), date(2024, 10, 1), date(2024, 10, 1)),  # psycopg
    (sa.Date(), None, None),
    (enum_column(Status), "approved", Status.APPROVED),
    (enum_column(DistanceBand), "500-1999", DistanceBand.KM_500_1999),
    (enum_column(Status), None, None),
    (sa.Boolean(), 1, True),  # SQLite
    (sa.Boolean(), 0, False),
    (sa.Boolean(), True, True),  # psycopg
    (sa.Boolean(), None, None),
    (sa.String(200), '=HYPERLINK("http://x")', '=HYPERLINK("http://x")'),
    (sa.String(200), ";-1", ";-1"),
    (sa.String(200), "Zoë", "Zoë"),
    (sa.String(200), None, None),
    (sa.Integer(), 2023, 2023),
]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(("sql_type", "driver_value", "value"), CASES)
def test_a_driver_value_gives_the_cell_of_its_python_value(
    app, language, sql_type, driver_value, value
):
    with app.test_request_context(headers={"Accept-Language": language}):
        convert = text_of_type(sql_type) or (lambda same: same)
        written = convert(driver_value)
        expected = cell(value)
    # The csv module writes None as an empty cell and a whole number as its digits.
    assert ("" if written is None else str(written)) == expected


def test_a_column_type_without_a_known_text_is_refused(app):
    with pytest.raises(TypeError):
        text_of_type(sa.Float())


@pytest.mark.parametrize(
    "risky",
    ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", ";=1", ", =1", " \t@x", "|-2", " plain", ";x"],
)
def test_one_formula_in_a_column_of_plain_names_is_neutralised_and_nothing_else(risky):
    """A text column is checked a batch at a time: the one risky cell, wherever it sits,
    comes out as `neutralised` writes it; empty cells stay empty."""
    column = ("Ada", None, "", "Zoë", risky, "Ben", "=A1" if risky == " plain" else "Cy")
    assert list(neutralised_column(column)) == [neutralised(text) for text in column]
    assert list(neutralised_column(("Ada", None, "", "Zoë"))) == ["Ada", None, "", "Zoë"]


def test_an_amount_seen_again_gives_the_same_cell_however_the_driver_gives_it(app):
    """One file's amounts are worked out once each: 1399, 1399.0 and Decimal("1399.00") are
    one amount; past the memo's limit every amount is still right."""
    amount = text_of_type(MONEY)
    assert [amount(value) for value in (1399, 1399.0, Decimal("1399.00"), None)] == [
        "1399.00",
        "1399.00",
        "1399.00",
        None,
    ]
    many = [n / 4 for n in range(FileTexts.LIMIT * 2 + 5)]
    assert [amount(value) for value in many] == [f"{value:.2f}" for value in many]
