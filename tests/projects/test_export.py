"""The project list's CSV: exactly the rows the filter shows, every page."""

import csv
import io

from tests.factories import make_project
from tracker.erasmus.actions import Action


def exported(response):
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_export_holds_exactly_the_filtered_projects(app, coordinator_client, staff, other_staff):
    app.config["PER_PAGE"] = 2
    try:
        for n in range(5):
            make_project(staff, title=f"Mobility {n}", action=Action.KA131_HED, call_year=2024)
        make_project(other_staff, title="Partnership", action=Action.KA220_HED, call_year=2024)
        make_project(staff, title="Older", action=Action.KA131_HED, call_year=2023)
        rows = exported(
            coordinator_client.get("/projects/export.csv?call_year=2024&key_action=KA1&sort=title")
        )
    finally:
        app.config["PER_PAGE"] = 25
    assert [row["Title"] for row in rows] == [f"Mobility {n}" for n in range(5)]
    assert {row["Call year"] for row in rows} == {"2024"}
    assert {row["Start date"] for row in rows} == {"2024-09-01"}


def test_staff_cannot_export_other_peoples_projects(staff_client, staff, other_staff):
    make_project(staff, title="Mine")
    make_project(other_staff, title="Theirs")
    rows = exported(staff_client.get("/projects/export.csv"))
    assert [row["Title"] for row in rows] == ["Mine"]


def test_key_action_filter(coordinator_client, staff):
    make_project(staff, title="Mobility", action=Action.KA171_HED)
    make_project(staff, title="Chair", action=Action.JM_CHAIR)
    page = coordinator_client.get("/projects/?key_action=JM").get_data(as_text=True)
    assert ">Chair<" in page and ">Mobility<" not in page
