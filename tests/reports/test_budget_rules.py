"""The budget report applies the KA131 rules: at most 20 % of the grant to third countries not
associated (shown, warned about near the cap), and the organisational support of the blended
intensive programmes we organise."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from tests.factories import make_mobility, make_organisation, make_project, seed_unit_costs
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.projects.models import OrganisedBip
from tracker.workflow.states import Status


def csv_row(client, title):
    text = client.get("/reports/budget.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    return dict(zip(header, next(row for row in rows if row[2] == title), strict=True))


def ka131(owner, title, call_year=2024, awarded="10000.00"):
    start = date(call_year, 6, 1)
    return make_project(
        owner,
        action=Action.KA131_HED,
        title=title,
        call_year=call_year,
        status=Status.ONGOING,
        start_date=start,
        end_date=date(call_year + 2, 7, 31),
        awarded_amount=Decimal(awarded),
    )


@pytest.mark.parametrize(
    ("spent", "badge"),
    [("1500.00", None), ("1700.00", "near the cap"), ("2100.00", "over the 20 % cap")],
)
def test_ka131_mobility_to_third_countries_is_shown_against_the_20_percent_cap(
    coordinator_client, coordinator, staff, spent, badge
):
    project = ka131(coordinator, "KA131 with a cap")
    usa = make_organisation(country="US", erasmus_code=None)
    germany = make_organisation(country="DE", erasmus_code=None)
    make_mobility(staff, project, usa, status=Status.APPROVED, grant_override_total=Decimal(spent),
                  grant_override_reason="Third-country rates")  # fmt: skip
    make_mobility(staff, project, germany, status=Status.APPROVED, grant_total=Decimal("900.00"))
    make_mobility(staff, project, usa, status=Status.CANCELLED, grant_total=Decimal("5000.00"))

    row = csv_row(coordinator_client, "KA131 with a cap")
    assert row["Mobility with third countries not associated (EUR)"] == spent
    assert row["Cap for third countries not associated (EUR)"] == "2000.00"  # 20 % of 10,000
    page = coordinator_client.get("/reports/budget").get_data(as_text=True)
    section = page[page.index('id="third-countries"') :]
    cell = section[section.index("KA131 with a cap") :].split("</tr>")[0]
    for text in ("near the cap", "over the 20 % cap"):
        assert (text in cell) == (text == badge)
    assert "from 80 % of it (16 % of the grant)" in page


def test_other_actions_have_no_third_country_cap(coordinator_client, coordinator):
    make_project(coordinator, title="A KA220", awarded_amount=Decimal("1000.00"))
    row = csv_row(coordinator_client, "A KA220")
    assert row["Cap for third countries not associated (EUR)"] == ""


def test_bip_organisational_support_counts_for_the_programmes_we_organise(
    coordinator_client, coordinator
):
    seed_unit_costs()
    project = ka131(coordinator, "KA131 with BIPs")
    project.organised_bips = [
        # 20 × 400 = 8,000 (the cap); 16 × 400 = 6,400; 12 < 15 participants: nothing.
        OrganisedBip(title=title, start_date=date(2025, 3, 3), end_date=date(2025, 3, 7),
                     participants=participants)
        for title, participants in (("Water", 20), ("Soil", 16), ("Air", 12))
    ]  # fmt: skip
    db.session.commit()
    row = csv_row(coordinator_client, "KA131 with BIPs")
    assert row["BIP organisational support (EUR)"] == "14400.00"
    assert row["Remaining (EUR)"] == "-4400.00"  # 10,000 awarded - 0 committed - 14,400
    page = coordinator_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "€ 8,000.00" in page and "€ 6,400.00" in page
    assert "fewer than 15 participants: no support" in page


def test_bip_support_of_a_call_year_without_the_figures_says_so(coordinator_client, coordinator):
    project = ka131(coordinator, "KA131 of 2027", call_year=2027)
    project.organised_bips = [
        OrganisedBip(title="Fire", start_date=date(2027, 9, 6), end_date=date(2027, 9, 10),
                     participants=20)
    ]  # fmt: skip
    db.session.commit()
    page = coordinator_client.get("/reports/budget").get_data(as_text=True)
    assert "figure missing" in page[page.index("KA131 of 2027") :].split("</tr>")[0]
