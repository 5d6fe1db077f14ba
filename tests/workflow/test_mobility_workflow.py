"""Mobilities travel the same workflow as projects, with their own completeness checks."""

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import sign_in
from tests.factories import (
    make_mobility,
    make_organisation,
    make_project,
    make_user,
    seed_unit_costs,
)
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.priorities.models import Priority
from tracker.projects.models import ProjectPartner
from tracker.workflow.states import Status


@pytest.fixture
def people(app):
    return make_user(Role.STAFF), make_user(Role.COORDINATOR)


def ka171_project(owner, partner=None):
    project = make_project(
        owner,
        action=Action.KA171_HED,
        call_year=2022,
        status=Status.ONGOING,
        start_date=date(2022, 8, 1),
        end_date=date(2025, 7, 31),
    )
    if partner is not None:
        project.partners = [ProjectPartner(organisation=partner, budget=Decimal("10000.00"))]
        db.session.commit()
    return project


def take(client, mobility, name, comment=""):
    db.session.expire_all()
    version = db.session.get(Mobility, mobility.id).version
    return client.submit(
        f"/records/mobilities/{mobility.id}/transitions/{name}",
        {"version": version, "comment": comment, "confirm": "y"},
    )


def test_a_mobility_goes_from_draft_to_completed(app, people):
    owner, coordinator = people
    partner = make_organisation(country="ID", erasmus_code=None)
    mobility = make_mobility(
        owner,
        ka171_project(coordinator, partner),
        partner,
        start_date=date(2023, 2, 1),
        end_date=date(2023, 6, 30),
        grant_total=Decimal("5750.00"),
        priorities=[db.session.scalars(db.select(Priority)).first()],
    )
    staff, office = sign_in(app.test_client(), owner), sign_in(app.test_client(), coordinator)
    steps = [
        (staff, "submit", Status.SUBMITTED),
        (office, "start_review", Status.IN_REVIEW),
        (office, "approve", Status.APPROVED),
        (office, "start", Status.ONGOING),
        (office, "complete", Status.COMPLETED),
    ]
    for client, name, status in steps:
        assert take(client, mobility, name).status_code == 302, name
        db.session.expire_all()
        assert db.session.get(Mobility, mobility.id).status is status
    assert take(office, mobility, "cancel", "Too late").status_code == 409, "completed is final"


def test_submitting_a_mobility_lists_what_it_lacks(app, people):
    seed_unit_costs()
    owner, coordinator = people
    stranger = make_organisation(country="KE", erasmus_code=None)
    mobility = make_mobility(
        owner,
        ka171_project(coordinator, make_organisation(country="ID", erasmus_code=None)),
        stranger,
        participant_email=None,
        start_date=date(2022, 6, 1),
        end_date=date(2022, 9, 30),
    )
    client = sign_in(app.test_client(), owner)
    response = take(client, mobility, "submit")
    assert response.status_code == 302, "back to the form, the gaps marked"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Not submitted yet" in page
    assert db.session.get(Mobility, mobility.id).status is Status.DRAFT
    for gap in (
        "Participant e-mail address is missing.",
        "Choose at least one Erasmus+ priority",
        "inside the funding project&#39;s period (2022-08-01 to 2025-07-31)",
        "not a partner of the KA171 project",
        "The grant is not calculated (A distance band is needed to compute travel support)",
    ):
        assert gap in page, gap


def test_staff_submit_a_mobility_whose_grant_waits_for_the_call_years_unit_costs(app, people):
    """The Dutch agency's monthly rates are the office's to enter, not the applicant's: the
    mobility goes to review, and the review queue marks it."""
    seed_unit_costs()
    owner, coordinator = people
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2024,
        status=Status.ONGOING,
        start_date=date(2024, 6, 1),
        end_date=date(2026, 7, 31),
    )
    mobility = make_mobility(
        owner,
        project,
        make_organisation(country="FI", erasmus_code=None),
        participant_name="Waiting Wanda",
        start_date=date(2024, 9, 1),
        end_date=date(2025, 1, 31),
        grant_waiting_for="student_per_month.1",
        priorities=[db.session.scalars(db.select(Priority)).first()],
    )
    assert take(sign_in(app.test_client(), owner), mobility, "submit").status_code == 302
    db.session.expire_all()
    assert db.session.get(Mobility, mobility.id).status is Status.SUBMITTED
    queue = sign_in(app.test_client(), coordinator).get("/review").get_data(as_text=True)
    row = queue[queue.index("Waiting Wanda") :].split("</tr>")[0]
    assert "grant waits for unit costs" in row
