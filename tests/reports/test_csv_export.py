"""CSV files: what Excel (and Python's csv module) reads back, and nothing it would run."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from tests.factories import make_organisation, make_project, seed_unit_costs
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.records.csv_export import Column, csv_lines, export_filename
from tracker.workflow.states import Status

BOM = "\ufeff"


def parse(response):
    """The rows of a downloaded file, read as Excel would (UTF-8 with BOM)."""
    body = response.get_data()
    assert body.startswith(BOM.encode("utf-8"))
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_is_neutralised(app, start):
    text = "".join(csv_lines([{"v": start + "1+1"}], [Column("Value", lambda row: row["v"])]))
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))
    assert rows == [["Value"], ["'" + start + "1+1"]]


def test_values_are_written_as_excel_reads_them(app):
    columns = [Column(name, lambda row, name=name: row[name]) for name in ("d", "m", "n", "b", "e")]
    row = {
        "d": date(2025, 3, 4),
        "m": Decimal("-1234.50"),
        "n": None,
        "b": True,
        "e": Flow.INCOMING,
    }
    text = "".join(csv_lines([row], columns))
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))
    # A negative amount stays a number: only text is neutralised.
    assert rows[1] == ["2025-03-04", "-1234.50", "", "yes", "Incoming"]


def test_a_file_name_says_what_and_when():
    assert (
        export_filename("mobilities", 2025, today=date(2026, 11, 24))
        == "mobilities-2025-2026-11-24.csv"
    )
    assert export_filename("budget", "All years", today=date(2026, 1, 2)) == (
        "budget-all-years-2026-01-02.csv"
    )


@pytest.fixture
def ka131_with_mobilities(coordinator):
    seed_unit_costs()  # the destination groups of the call year
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        acronym="KA131-2024",
        grant_agreement_number="2024-1-NL01-KA131-HED-000123456",
        call_year=2024,
        status=Status.ONGOING,
    )
    partner = make_organisation(
        name="Université de Lyon", country="FR", city="Lyon", erasmus_code="F  LYON03"
    )
    common = {
        "project": project,
        "organisation": partner,
        "owner": coordinator,
        "flow": Flow.OUTGOING,
        "status": Status.APPROVED,
    }
    db.session.add_all(
        [
            Mobility(
                participant_name='=HYPERLINK("http://x")',
                participant_kind=ParticipantKind.STAFF,
                activity_type=ActivityType.STA,
                start_date=date(2024, 10, 1),
                end_date=date(2024, 10, 5),
                distance_band=DistanceBand.KM_500_1999,
                green_travel=True,
                grant_individual=Decimal("720.00"),
                grant_travel=Decimal("320.00"),
                grant_top_ups=Decimal("0.00"),
                grant_total=Decimal("1040.00"),
                **common,
            ),
            Mobility(
                participant_name='Zoë Ångström, "Jr"',
                participant_kind=ParticipantKind.STUDENT,
                activity_type=ActivityType.SMS,
                start_date=date(2025, 2, 1),
                end_date=date(2025, 6, 30),
                grant_total=Decimal("2350.00"),
                grant_override_total=Decimal("2000.00"),
                grant_override_reason="Agreed with the National Agency",
                **common,
            ),
            Mobility(
                participant_name="Withdrawn Person",
                participant_kind=ParticipantKind.STUDENT,
                activity_type=ActivityType.SMS,
                **{**common, "status": Status.WITHDRAWN},
            ),
        ]
    )
    db.session.commit()
    return project


def test_the_mobility_report_csv_holds_exactly_the_reported_rows(
    coordinator_client, ka131_with_mobilities
):
    project = ka131_with_mobilities
    response = coordinator_client.get(f"/reports/projects/{project.id}/mobilities.csv")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert f'filename="mobilities-2024-1-nl01-ka131-hed-000123456-{date.today()}.csv"' in (
        disposition
    )
    rows = parse(response)
    assert rows[0][:6] == [
        "Participant",
        "Participant kind",
        "Activity code",
        "Activity",
        "Flow",
        "Partner",
    ]  # noqa: E501
    assert rows[1:] == [
        [
            "'=HYPERLINK(\"http://x\")", "Staff member", "STA", "Staff mobility for teaching",
            "Outgoing", "Université de Lyon", "F  LYON03", "FR", "France",
            "Group 1: higher living costs", "2024-10-01", "2024-10-05", "5",
            "500–1,999 km", "yes", "no", "720.00", "320.00", "0.00", "1040.00", "1040.00",
            "Approved",
        ],
        [
            'Zoë Ångström, "Jr"', "Student", "SMS", "Student mobility for studies", "Outgoing",
            "Université de Lyon", "F  LYON03", "FR", "France",
            "Group 1: higher living costs", "2025-02-01", "2025-06-30", "150", "", "no",
            "no", "", "", "", "2350.00", "2000.00", "Approved",
        ],
    ]  # fmt: skip


def test_a_hyperlink_title_comes_out_neutralised_in_the_budget_csv(coordinator_client, coordinator):
    make_project(coordinator, title='=HYPERLINK("http://x")', requested_amount=Decimal("10.00"))

    rows = parse(coordinator_client.get("/reports/budget.csv"))

    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    assert rows[1][6] == "10.00"


def test_the_report_page_and_its_csv_show_the_same_mobilities(
    coordinator_client, ka131_with_mobilities
):
    page = coordinator_client.get(f"/reports/projects/{ka131_with_mobilities.id}/mobilities")
    text = page.get_data(as_text=True)
    assert "=HYPERLINK(&#34;http://x&#34;)" in text or "=HYPERLINK(&quot;http://x&quot;)" in text
    assert "Withdrawn Person" not in text


def test_the_list_exports_stream_the_lists_own_filtered_query(
    app, staff, other_staff, ka131_with_mobilities
):
    """How the project and mobility lists export: their select, these columns, this writer."""
    from tracker.mobilities.models import Mobility
    from tracker.mobilities.queries import mobility_rows
    from tracker.projects.queries import projects_query
    from tracker.records.csv_export import stream_objects, stream_rows
    from tracker.records.export_columns import (
        MOBILITY_COLUMNS,
        MOBILITY_EXPORT_COLUMNS,
        PROJECT_COLUMNS,
    )

    make_project(staff, title="Mine")
    make_project(other_staff, title="Not mine")
    with app.test_request_context():
        projects = "".join(csv_lines(stream_objects(projects_query(staff)), PROJECT_COLUMNS))
        coordinator = ka131_with_mobilities.owner
        query = mobility_rows(coordinator, MOBILITY_EXPORT_COLUMNS)
        query = query.where(Mobility.status == Status.APPROVED)
        mobilities = "".join(csv_lines(stream_rows(query), MOBILITY_COLUMNS))

    project_rows = list(csv.reader(io.StringIO(projects.removeprefix(BOM), newline="")))
    assert [row[0] for row in project_rows] == ["Title", "Mine"]
    mobility_rows = list(csv.reader(io.StringIO(mobilities.removeprefix(BOM), newline="")))
    assert sorted(row[0] for row in mobility_rows[1:]) == [
        '\'=HYPERLINK("http://x")',
        'Zoë Ångström, "Jr"',
    ]
    assert mobility_rows[1][mobility_rows[0].index("Country")] == "France"


@pytest.mark.parametrize(
    "text",
    [';=HYPERLINK("http://evil.example")', ", =1+1", " \t@SUM(A1)", "|-2+3", ";;+cmd"],
)
def test_a_formula_behind_separators_or_spaces_is_neutralised_and_every_cell_quoted(app, text):
    """Spreadsheets that split on ";" (Excel in Dutch) or trim spaces still see no formula."""
    written = "".join(
        csv_lines(
            [{"v": text, "n": 3}],
            [Column("Value", lambda r: r["v"]), Column("Number", lambda r: r["n"])],
        )
    )
    lines = written.removeprefix(BOM).splitlines()
    assert lines[0] == '"Value","Number"'
    assert lines[1] == '"' + ("'" + text).replace('"', '""') + '","3"'
