"""The mobility list's CSV: exactly the rows the filter shows, every page, for whoever may see."""

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import sign_in
from tests.factories import make_mobility
from tracker.enums import Language
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.extensions import db
from tracker.workflow.states import Status


def exported(response):
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.fixture
def many(app, staff, other_staff, ka131, partners):
    """More mobilities than one page holds, and one of someone else's."""
    app.config["PER_PAGE"] = 5
    mine = [
        make_mobility(staff, ka131, partners["FI"], participant_name=f"Finn {n:02d}")
        for n in range(12)
    ]
    make_mobility(staff, ka131, partners["DE"], participant_name="Dora Deutsch")
    make_mobility(other_staff, ka131, partners["FI"], participant_name="Olli Other")
    yield mine
    app.config["PER_PAGE"] = 25


def test_export_holds_every_page_of_the_filtered_rows(coordinator_client, many):
    response = coordinator_client.get("/mobilities/export.csv?country=FI&sort=participant")
    rows = exported(response)
    assert [row["Participant"] for row in rows] == [f"Finn {n:02d}" for n in range(12)] + [
        "Olli Other"
    ]
    assert "attachment;" in response.headers["Content-Disposition"]
    assert "mobilities-" in response.headers["Content-Disposition"]


def test_staff_export_only_their_own(staff_client, many):
    rows = exported(staff_client.get("/mobilities/export.csv"))
    assert {row["Participant"] for row in rows} == {f"Finn {n:02d}" for n in range(12)} | {
        "Dora Deutsch"
    }


def test_a_formula_in_a_name_is_neutralised(coordinator_client, staff, ka131, partners):
    make_mobility(staff, ka131, partners["FI"], participant_name='=HYPERLINK("http://x")')
    (row,) = exported(coordinator_client.get("/mobilities/export.csv"))
    assert row["Participant"] == '\'=HYPERLINK("http://x")'


def test_the_list_offers_the_export_with_its_filter(coordinator_client, many):
    page = coordinator_client.get("/mobilities/?country=FI&page=2").get_data(as_text=True)
    assert 'href="/mobilities/export.csv?country=FI"' in page
    assert "Download these 13 records as CSV" in page
    db.session.rollback()


def test_the_export_gives_the_destination_group_of_the_call_year(
    coordinator_client, staff, ka131, unit_costs, partners
):
    """Germany was in group 2 in the 2023 call (group 1 from 2024)."""
    make_mobility(staff, ka131, partners["DE"])
    (row,) = exported(coordinator_client.get("/mobilities/export.csv"))
    assert row["Destination group"] == "Group 2: medium living costs"


def test_the_export_gives_the_funded_duration_and_the_grant_that_counts(
    coordinator_client, staff, ka131, partners
):
    make_mobility(
        staff,
        ka131,
        partners["FI"],
        participant_name="Ada Set By Hand",
        grant_total=Decimal("1000.00"),
        grant_override_total=Decimal("800.00"),
        grant_override_reason="Agreed with the partner",
    )
    make_mobility(
        staff,
        ka131,
        partners["FI"],
        participant_name="Ben No Dates",
        start_date=None,
        end_date=None,
    )
    rows = {
        row["Participant"]: row
        for row in exported(coordinator_client.get("/mobilities/export.csv"))
    }
    ada, ben = rows["Ada Set By Hand"], rows["Ben No Dates"]
    assert (ada["Duration (days)"], ada["Calculated total (EUR)"], ada["Grant (EUR)"]) == (
        "153",
        "1000.00",
        "800.00",
    )
    assert (ben["Duration (days)"], ben["Grant (EUR)"]) == ("", "")


EXPECTED = Path(__file__).parent / "expected"


@pytest.fixture
def varied(staff, coordinator, ka131, unit_costs, partners):
    """Mobilities with every kind of cell: empty ones, a formula, quotes and commas, accents,
    amounts with and without cents, an override, yes and no, each enum, no project."""
    make_mobility(
        staff,
        ka131,
        partners["DE"],
        participant_name='=HYPERLINK("http://x")',
        participant_email="a@example.edu",
        participant_kind=ParticipantKind.STAFF,
        activity_type=ActivityType.STA,
        start_date=date(2024, 10, 1),
        end_date=date(2024, 10, 5),
        distance_band=DistanceBand.KM_500_1999,
        green_travel=True,
        grant_individual=Decimal("720.00"),
        grant_travel=Decimal("320.5"),
        grant_top_ups=Decimal("0"),
        grant_total=Decimal("1040.50"),
        status=Status.APPROVED,
    )
    make_mobility(
        coordinator,
        ka131,
        partners["ID"],
        participant_name='Zoë Ångström, "Jr"',
        participant_email="z@example.edu",
        flow=Flow.INCOMING,
        fewer_opportunities=True,
        grant_total=Decimal("2350.00"),
        grant_override_total=Decimal("2000.00"),
        grant_override_reason="Agreed with the National Agency",
        faculty="-Faculty; of, Law",
    )
    make_mobility(
        staff,
        None,
        None,
        participant_name="Nobody Yet",
        participant_email="n@example.edu",
        start_date=None,
        end_date=None,
        faculty=None,
    )


@pytest.mark.parametrize(
    "language, expected",
    [("en", "mobilities-en.csv"), ("nl", "mobilities-nl.csv")],
)
def test_the_export_writes_exactly_the_expected_bytes(app, coordinator, varied, language, expected):
    """Every cell as a reader gets it, byte for byte: quoting, BOM, dates, amounts, labels
    in the reader's language, neutralised formulas, empty cells."""
    coordinator.language = Language(language)
    db.session.commit()
    client = sign_in(app.test_client(), coordinator)
    response = client.get("/mobilities/export.csv")
    assert response.status_code == 200
    assert response.get_data() == (EXPECTED / expected).read_bytes()
