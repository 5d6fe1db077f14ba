"""A varied set of projects and mobilities, built record by record, for the report tests.

The tests count these records again with plain loops and compare with what the
pages show: the builder below spreads records over call years, faculties,
statuses, actions, priorities, partners and activity types.
"""

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.factories import make_organisation, make_project, make_user
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.priorities.models import Priority
from tracker.projects.models import PlannedMobility, ProjectPartner
from tracker.workflow.states import Status

FACULTIES = ("Faculty of Science", "Faculty of Law")
ACTIONS = (Action.KA131_HED, Action.KA171_HED, Action.KA220_HED, Action.JM_MODULE)
COUNTRIES = ("DE", "FR", "ZA", "CL")
STAFF_ACTIVITIES = (ActivityType.STA, ActivityType.STT)


@pytest.fixture
def priorities(app):
    return db.session.scalars(sa.select(Priority).order_by(Priority.position)).all()


@pytest.fixture
def records(app, staff, other_staff, coordinator, priorities):
    """{"projects": [...], "mobilities": [...], "owners": [...]}, all re-read with relations."""
    law = make_user(Role.STAFF, faculty="Faculty of Law", full_name="Lena Law")
    owners = [staff, other_staff, law]
    organisations = [
        make_organisation(country=country, erasmus_code=None, pic=None, oid=None)
        for country in COUNTRIES
    ]
    statuses = itertools.cycle(Status)
    projects = []
    for number, (year, action) in enumerate(itertools.product((2023, 2024), ACTIONS * 2)):
        owner = owners[number % len(owners)]
        start = date(year, 6, 1)
        project = make_project(
            owner,
            action=action,
            call_year=year,
            status=next(statuses),
            start_date=start,
            end_date=start + timedelta(days=700 + 30 * number),
            requested_amount=Decimal("1000.50") * (number + 1),
            awarded_amount=Decimal("800.25") * number if number % 3 else None,
            faculty=FACULTIES[number % 2],
        )
        project.priorities = priorities[: 1 + number % 4]
        projects.append(project)
    db.session.commit()

    funding = [p for p in projects if p.action in (Action.KA131_HED, Action.KA171_HED)]
    for project in funding:
        if project.action is Action.KA171_HED:
            for index, organisation in enumerate(organisations[2:]):
                partner = ProjectPartner(
                    project=project, organisation=organisation, budget=Decimal(5000 + 1000 * index)
                )
                partner.planned_mobilities = [
                    PlannedMobility(activity_type=ActivityType.SMS, flow=Flow.INCOMING, planned=3),
                    PlannedMobility(activity_type=ActivityType.STA, flow=Flow.OUTGOING, planned=2),
                ]
                db.session.add(partner)
    db.session.commit()

    activities = itertools.cycle(
        [(a, f) for a in (ActivityType.SMS, ActivityType.STA, ActivityType.SMT) for f in Flow]
    )
    mobility_statuses = itertools.cycle(Status)
    for number in range(60):
        project = funding[number % len(funding)]
        activity, flow = next(activities)
        owner = owners[(number // 2) % len(owners)]
        organisation = organisations[number % len(organisations)] if number % 11 else None
        if project.action is Action.KA171_HED and organisation is not None:
            organisation = organisations[2 + number % 2]
        mobility = Mobility(
            participant_name=f"Participant {number}",
            participant_kind=(
                ParticipantKind.STAFF if activity in STAFF_ACTIVITIES else ParticipantKind.STUDENT
            ),
            activity_type=activity,
            flow=flow,
            project=project,
            organisation=organisation,
            start_date=date(2024, 9, 1),
            end_date=date(2024, 9, 1) + timedelta(days=number),
            grant_total=Decimal("100.10") * (number + 1),
            grant_override_total=Decimal("42.00") if number % 7 == 0 else None,
            grant_override_reason="agreed" if number % 7 == 0 else None,
            owner=owner,
            faculty=FACULTIES[number % 3 % 2],
            status=next(mobility_statuses),
        )
        mobility.priorities = priorities[number % 4 : number % 4 + 1 + number % 2]
        db.session.add(mobility)
    db.session.commit()
    return reread()


def reread():
    """Every project and mobility as the database now holds them, relations loaded."""
    from sqlalchemy.orm import selectinload

    from tracker.projects.models import Project

    db.session.expire_all()
    projects = db.session.scalars(
        sa.select(Project).options(
            selectinload(Project.priorities),
            selectinload(Project.partners).selectinload(ProjectPartner.organisation),
            selectinload(Project.partners).selectinload(ProjectPartner.planned_mobilities),
            selectinload(Project.owner),
        )
    ).all()
    mobilities = db.session.scalars(
        sa.select(Mobility).options(
            selectinload(Mobility.priorities),
            selectinload(Mobility.project),
            selectinload(Mobility.organisation),
        )
    ).all()
    return {"projects": projects, "mobilities": mobilities}
