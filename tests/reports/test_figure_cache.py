"""The dashboard's kept figures are never stale: every committed write, through the pages,
the ORM or Core, in this process or another worker's, moves the data version on, and the
next page counts again. Viewers who see different records never share figures."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tests.conftest import sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tests.query_counts import counted_statements
from tracker import create_app
from tracker.data_version import DataVersion
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.states import Status

FIGURE = re.compile(r'<a class="figure" href="([^"]+)">(\d+)</a>')


def mobilities_per_status(client, url="/reports/dashboard"):
    """{status value: the number the page shows} from the status table's mobility figures."""
    response = client.get(url)
    assert response.status_code == 200
    shown = {}
    for href, number in FIGURE.findall(response.get_data(as_text=True)):
        parts = urlsplit(unescape(href))
        args = parse_qs(parts.query)
        if parts.path == "/mobilities/" and set(args) - {"call_year"} == {"status"}:
            shown[args["status"][0]] = int(number)
    return {status: number for status, number in shown.items() if number}


def version():
    with db.engine.connect() as connection:
        return connection.scalar(sa.select(DataVersion.value))


@pytest.fixture
def office(app):
    owner = make_user(Role.STAFF, email="owner@example.edu")
    project = make_project(
        owner,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    organisation = make_organisation(country="DE")
    mobilities = [
        make_mobility(owner, project, organisation, status=status)
        for status in (Status.SUBMITTED, Status.SUBMITTED, Status.APPROVED)
    ]
    return {
        "owner": owner,
        "project": project,
        "organisation": organisation,
        "mobilities": mobilities,
    }


def test_a_second_look_counts_nothing_again_and_shows_the_same(coordinator_client, office):
    rendered = {"Cache-Control": "no-cache"}  # the figures, not the whole page kept
    with counted_statements() as first:
        cold = coordinator_client.get("/reports/dashboard", headers=rendered).get_data(True)
    with counted_statements() as second:
        warm = coordinator_client.get("/reports/dashboard", headers=rendered).get_data(True)
    assert FIGURE.findall(warm) == FIGURE.findall(cold) != []
    assert len(second) < len(first) - 10
    assert not any("mobilities" in statement for statement in second)


def test_a_status_changed_on_a_page_shows_on_the_next_dashboard(coordinator_client, office):
    assert mobilities_per_status(coordinator_client) == {"submitted": 2, "approved": 1}
    mobility = office["mobilities"][0]
    response = coordinator_client.submit(
        f"/records/mobilities/{mobility.id}/transitions/approve",
        {"version": mobility.version, "comment": "", "confirm": "y"},
    )
    assert response.status_code == 302
    assert mobilities_per_status(coordinator_client) == {"submitted": 1, "approved": 2}
    assert mobilities_per_status(coordinator_client, "/") == {"submitted": 1, "approved": 2}


def test_a_mobility_added_on_a_page_shows_on_the_next_dashboard(coordinator_client, office):
    assert mobilities_per_status(coordinator_client) == {"submitted": 2, "approved": 1}
    response = coordinator_client.submit(
        "/mobilities/new",
        {
            "participant_name": "Pia Post",
            "participant_kind": "student",
            "activity_type": "SMS",
            "flow": "outgoing",
            "organisation_id": office["organisation"].id,
            "project_id": office["project"].id,
            "start_date": "2023-09-01",
            "end_date": "2024-01-31",
            "owner_id": office["owner"].id,
            "once": "a-new-mobility",
        },
    )
    assert response.status_code == 302
    assert mobilities_per_status(coordinator_client) == {"draft": 1, "submitted": 2, "approved": 1}


def test_a_write_by_another_worker_is_counted_on_the_next_dashboard(
    app, coordinator_client, office
):
    """Another gunicorn worker: its own application, engine and session on the same database."""
    assert mobilities_per_status(coordinator_client) == {"submitted": 2, "approved": 1}
    worker = create_app("testing", SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"])
    first, second, _ = (mobility.id for mobility in office["mobilities"])
    with worker.app_context():
        db.session.get(Mobility, first).status = Status.REJECTED
        db.session.commit()
        assert mobilities_per_status(coordinator_client) == {
            "submitted": 1,
            "approved": 1,
            "rejected": 1,
        }
        db.session.delete(db.session.get(Mobility, second))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    assert mobilities_per_status(coordinator_client) == {"approved": 1, "rejected": 1}


def test_a_core_delete_is_counted_on_the_next_dashboard(coordinator_client, office):
    assert mobilities_per_status(coordinator_client) == {"submitted": 2, "approved": 1}
    with db.engine.begin() as connection:
        connection.execute(sa.delete(Mobility).where(Mobility.status == Status.SUBMITTED))
    assert mobilities_per_status(coordinator_client) == {"approved": 1}


def test_staff_never_see_each_others_kept_figures(app, office):
    others = make_user(Role.STAFF, email="others@example.edu")
    make_mobility(others, office["project"], office["organisation"], status=Status.APPROVED)
    owner_client = sign_in(app.test_client(), office["owner"])
    others_client = sign_in(app.test_client(), others)
    coordinator = sign_in(app.test_client(), make_user(Role.COORDINATOR))
    for _ in range(2):
        assert mobilities_per_status(owner_client, "/") == {"submitted": 2, "approved": 1}
        assert mobilities_per_status(others_client, "/") == {"approved": 1}
        assert mobilities_per_status(coordinator, "/") == {"submitted": 2, "approved": 2}


def test_a_committed_write_moves_the_version_once_and_a_rolled_back_one_not(app, office):
    before = version()
    for mobility in office["mobilities"]:
        mobility.participant_name += " Jr."
    db.session.flush()
    db.session.rollback()
    assert version() == before
    with db.engine.connect() as connection:
        connection.execute(sa.update(Mobility).values(faculty="Faculty of Law"))
        connection.rollback()
    assert version() == before
    for mobility in office["mobilities"]:
        mobility.participant_name += " Sr."
    db.session.commit()
    assert version() == before + 1
    db.session.commit()
    db.session.execute(sa.select(Mobility)).all()
    db.session.commit()
    assert version() == before + 1


def test_a_data_version_made_again_starts_above_every_number_the_old_one_reached(app, office):
    """A downgrade and upgrade drops and makes the table again: starting at 0 would bring
    back numbers under which a worker still keeps figures of other data."""
    reached = version()
    downgrade(revision="29bda30a4747")
    upgrade()
    assert version() > reached
