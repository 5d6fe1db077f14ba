"""A project's page shows everything about it: data, budget, partners, mobilities, history."""

from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from tests.factories import make_organisation, make_project
from tests.projects.conftest import project_form
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.priorities.models import Priority
from tracker.projects.models import PlannedMobility, ProjectPartner


def test_the_page_shows_data_budget_partners_mobilities_and_priorities(
    staff_client, staff, other_staff
):
    priority = db.session.scalars(sa.select(Priority).order_by(Priority.position)).first()
    project = make_project(
        staff,
        action=Action.KA171_HED,
        title="Chile exchange",
        grant_agreement_number="2024-1-NL01-KA171-HED-000000042",
        requested_amount=Decimal("120000.00"),
        awarded_amount=Decimal("99500.25"),
        priorities=[priority],
    )
    organisation = make_organisation(name="Universidad de Chile", country="CL")
    partner = ProjectPartner(project=project, organisation=organisation, budget=Decimal("5000"))
    partner.planned_mobilities.append(
        PlannedMobility(activity_type=ActivityType.STA, flow=Flow.OUTGOING, planned=3)
    )
    db.session.add(partner)
    for owner, name in ((staff, "Paula Participant"), (other_staff, "Colleague Person")):
        db.session.add(
            Mobility(
                participant_name=name,
                participant_kind=ParticipantKind.STAFF,
                activity_type=ActivityType.STA,
                flow=Flow.OUTGOING,
                project=project,
                organisation=organisation,
                owner=owner,
                start_date=date(2025, 3, 1),
                end_date=date(2025, 3, 7),
            )
        )
    db.session.commit()

    page = staff_client.get(f"/projects/{project.id}").get_data(as_text=True)
    for text in (
        "Chile exchange",
        "KA171-HED International Credit Mobility",
        "2024-1-NL01-KA171-HED-000000042",
        "120,000.00",
        "99,500.25",
        "5,000.00",
        "Universidad de Chile",
        "Staff mobility for teaching, Outgoing: 3",
        "Paula Participant",
        priority.name_en,
        "Draft",
    ):
        assert text in page, text
    # A colleague's mobility spends this project's budget: its owner sees it too (issue 13).
    assert "Colleague Person" in page


def test_the_page_shows_the_history_of_creation_and_edits(staff_client, staff):
    response = staff_client.submit("/projects/new", project_form(title="First title"))
    url = response.headers["Location"]
    project_id = int(url.rsplit("/", 1)[1])
    staff_client.submit(f"/projects/{project_id}/edit", project_form(title="Second", version="1"))
    page = staff_client.get(url).get_data(as_text=True)
    assert "Created" in page and "Edited" in page
    history = page.split('id="activity-heading"', 1)[1]
    assert "First title" in history and "Second" in history and "Title" in history
    assert history.index("Edited") < history.index("Created")


def test_the_action_can_be_chosen_before_the_form(staff_client):
    page = staff_client.get("/projects/new?action=KA171-HED").get_data(as_text=True)
    assert '<option selected value="KA171-HED">' in page or 'value="KA171-HED" selected' in page
