"""Excel files: every CSV download also as XLSX, with cells a spreadsheet reads as
numbers, dates and text in any language, and nothing it would run."""

import io
import os
import shutil
import subprocess
import tracemalloc
import xml.etree.ElementTree as ET
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from tests.factories import make_mobility, make_organisation, make_project
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.records.csv_export import Column
from tracker.records.xlsx_export import write_workbook
from tracker.workflow.states import Status

FORMULA = '=HYPERLINK("http://x","click")'


@pytest.fixture
def exported(app, staff):
    """One approved KA131 mobility with a grant, a partner with an umlaut, a formula name."""
    project = make_project(
        staff, action=Action.KA131_HED, call_year=2023, status=Status.APPROVED, acronym="EXP"
    )
    partner = make_organisation(name="Universität Wien", country="AT", erasmus_code=None)
    return make_mobility(
        staff,
        project,
        partner,
        participant_name=FORMULA,
        status=Status.APPROVED,
        grant_total=Decimal("2187.45"),
        start_date=date(2023, 9, 1),
    )


def workbook(response):
    assert response.status_code == 200, response.status_code
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert ".xlsx" in response.headers["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.get_data())).active


def as_dicts(sheet):
    header, *rows = sheet.iter_rows()
    return [{h.value: cell for h, cell in zip(header, row, strict=True)} for row in rows]


def test_the_mobility_list_as_excel_has_typed_cells(staff_client, exported):
    sheet = workbook(staff_client.get("/mobilities/export.xlsx"))
    (row,) = as_dicts(sheet)
    grant = row["Grant (EUR)"]
    assert grant.data_type == "n" and grant.value == pytest.approx(2187.45)
    assert grant.number_format == "#,##0.00"
    assert row["Call year"].value == 2023 and row["Call year"].number_format == "0"
    assert row["Start date"].is_date and row["Start date"].value == datetime(2023, 9, 1)
    assert row["Partner"].value == "Universität Wien"
    # Formula-looking text is a text cell, shown as typed (no quote, no formula).
    assert row["Participant"].data_type == "s" and row["Participant"].value == FORMULA
    assert row["Status"].value == "Approved" and row["Green travel"].value == "no"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:Z2"
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert widths["A"] >= len(FORMULA), "the participant column fits its longest name"
    assert min(widths.values()) >= 8


def test_the_file_name_has_no_none_for_an_empty_filter(coordinator_client, exported):
    for path in ("/mobilities/export.xlsx?call_year=2023", "/projects/export.csv?call_year=2023"):
        disposition = coordinator_client.get(path).headers["Content-Disposition"]
        assert "-2023-" in disposition and "none" not in disposition, disposition


def test_every_csv_link_has_an_excel_twin_with_the_same_rows(coordinator_client, exported):
    project_id = exported.project_id
    pairs = [
        ("/mobilities/", "/mobilities/export.xlsx?status=approved"),
        ("/projects/", "/projects/export.xlsx?status=approved"),
        ("/reports/priorities", "/reports/priorities.xlsx"),
        ("/reports/budget", "/reports/budget.xlsx"),
        ("/reports/", f"/reports/projects/{project_id}/mobilities.xlsx"),
    ]
    for page, link in pairs:
        query = "?" + link.split("?")[1] if "?" in link else ""
        html = coordinator_client.get(page + query).get_data(as_text=True)
        assert f'href="{link}"'.replace("&", "&amp;") in html, (page, link)
        assert "Download as Excel" in html
        csv_lines = coordinator_client.get(link.replace(".xlsx", ".csv")).get_data(as_text=True)
        sheet = workbook(coordinator_client.get(link))
        assert sheet.max_row == len(csv_lines.strip().splitlines()), link


def test_the_budget_report_amounts_are_numbers(coordinator_client, exported):
    exported.project.awarded_amount = Decimal("60300.00")
    db.session.commit()
    (row,) = [r for r in as_dicts(workbook(coordinator_client.get("/reports/budget.xlsx")))]
    assert row["Awarded (EUR)"].value == 60300 and row["Awarded (EUR)"].data_type == "n"
    assert row["Awarded (EUR)"].number_format == "#,##0.00"


def test_personal_data_as_excel(admin_client, exported):
    page = admin_client.get("/users/personal-data").get_data(as_text=True)
    assert 'name="file_format" value="xlsx"' in page
    response = admin_client.submit(
        "/users/personal-data/export",
        {"email": exported.participant_email, "file_format": "xlsx"},
    )
    assert workbook(response).max_row >= 2


def _peak_bytes(rows):
    columns = [
        Column("Name", lambda n: f"Participant {n} Łukasiewicz"),
        Column("Amount", lambda n: Decimal(n) / 7),
        Column("Day", lambda n: date(2027, 1, 1)),
        Column("Count", lambda n: n),
    ]
    tracemalloc.start()
    with open(os.devnull, "wb") as sink:
        write_workbook(sink, range(rows), columns)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_memory_stays_flat_however_many_rows():
    """Ten times the rows, about the same peak: rows go to disk, not to memory."""
    small, large = _peak_bytes(2_000), _peak_bytes(20_000)
    assert large < small * 1.5 + 256 * 1024, (small, large)


def test_writing_to_a_real_file_reads_back(tmp_path):
    path = tmp_path / "out.xlsx"
    columns = [Column("When", lambda row: row[0]), Column("Amount", lambda row: row[1])]
    with open(path, "wb") as file:
        write_workbook(file, [(datetime(2027, 6, 16, 10, 0), 1.5)], columns)
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value == datetime(2027, 6, 16, 10, 0)
    assert sheet["A2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["B2"].value == 1.5


FODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}


def libreoffice_cells(path, tmp_path):
    """{cell text or value: value type} of `path` as LibreOffice opens it in Dutch."""
    env = dict(os.environ, LANG="nl_NL.UTF-8", LC_ALL="nl_NL.UTF-8", HOME=str(tmp_path))
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=180,
    )
    tree = ET.parse(out / (path.stem + ".fods"))  # noqa: S314 - our own converted file
    cells = {}
    for cell in tree.iter(f"{{{FODS['table']}}}table-cell"):
        kind = cell.get(f"{{{FODS['office']}}}value-type")
        value = (
            cell.get(f"{{{FODS['office']}}}value")
            or cell.get(f"{{{FODS['office']}}}date-value")
            or "".join(cell.itertext()).strip()
        )
        if kind:
            cells[value] = kind
    return cells


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed: "
    "apt-get install -y --no-install-recommends libreoffice-calc-nogui",
)
def test_libreoffice_in_dutch_reads_numbers_not_text(coordinator_client, exported, tmp_path):
    for extension in ("csv", "xlsx"):
        response = coordinator_client.get(f"/mobilities/export.{extension}")
        (tmp_path / f"mobilities.{extension}").write_bytes(response.get_data())
    xlsx = libreoffice_cells(tmp_path / "mobilities.xlsx", tmp_path)
    assert xlsx["2187.45"] == "float"
    assert xlsx["2023"] == "float"
    assert xlsx["2023-09-01"] == "date"
    assert xlsx[FORMULA] == "string"
    # The control: the same amount in the CSV stays text in Dutch, so the locale is Dutch.
    (tmp_path / "out").rename(tmp_path / "xlsx-out")
    csv = libreoffice_cells(tmp_path / "mobilities.csv", tmp_path)
    assert csv["2187.45"] == "string"
