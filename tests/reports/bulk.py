"""Many records fast, with bulk inserts: for query-count tests and benchmarks/reports.py.

`build_records(n)` adds about n records: n mobilities over n // 100 projects (at
least 8) of every status, action and priority, KA171 partners with budgets and
planned mobilities, and deadlines. Call it twice to grow a data set.
"""

import itertools
from datetime import date, timedelta
from decimal import Decimal

import sqlalchemy as sa

from tracker.auth.models import User
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority, mobility_priorities, project_priorities
from tracker.projects.models import PlannedMobility, Project, ProjectPartner
from tracker.workflow.states import Status

ACTIONS = (Action.KA131_HED, Action.KA171_HED, Action.KA220_HED, Action.JM_CHAIR)
FACULTIES = ("Faculty of Science", "Faculty of Law", "Faculty of Arts")
COUNTRIES = ("DE", "FR", "ES", "ZA", "CL", "VN")
_batch = itertools.count(1)


def _insert(model, rows):
    """Insert `rows` in one statement per batch and return their ids, in order."""
    if not rows:
        return []
    return list(db.session.scalars(sa.insert(model).returning(model.id), rows))


def _add(table, rows):
    """Insert `rows` (bulk, no ids back); nothing for no rows."""
    if rows:
        db.session.execute(sa.insert(table), rows)


def _owners(batch):
    rows = [
        {
            "email": f"bulk{batch}-{number}@example.edu",
            "full_name": f"Bulk Owner {batch}-{number}",
            "role": Role.STAFF,
            "faculty": FACULTIES[number % len(FACULTIES)],
            "password_hash": "not-a-hash",
        }
        for number in range(3)
    ]
    return _insert(User, rows)


def _organisations(batch):
    rows = [
        {"name": f"Bulk University {batch}-{code}", "country": code, "city": "City"}
        for code in COUNTRIES
    ]
    return _insert(Organisation, rows)


def build_records(n, call_years=(2024, 2025), owner_ids=None, funding_ids=None, status=None):
    """Add about `n` records; `owner_ids` (default: three new staff members) own them.

    Mobilities go to `funding_ids` (default: this batch's KA131/KA171 projects), in
    `status` (default: every status in turn).
    """
    batch = next(_batch)
    owner_ids = owner_ids or _owners(batch)
    organisation_ids = _organisations(batch)
    priority_ids = db.session.scalars(sa.select(Priority.id).order_by(Priority.position)).all()
    statuses = list(Status)
    project_count = max(8, n // 100)
    today = date.today()

    projects = []
    for number in range(project_count):
        start = today - timedelta(days=700 - number % 400)
        projects.append(
            {
                "action": ACTIONS[number % len(ACTIONS)],
                "title": f"Bulk project {batch}-{number}",
                "call_year": call_years[number % len(call_years)],
                "start_date": start,
                "end_date": start + timedelta(days=730),
                "requested_amount": Decimal(10000 + number),
                "awarded_amount": Decimal(9000 + number) if number % 3 else None,
                "owner_id": owner_ids[number % len(owner_ids)],
                "faculty": FACULTIES[number % len(FACULTIES)],
                "status": statuses[number % len(statuses)],
            }
        )
    project_ids = _insert(Project, projects)
    _add(
        project_priorities,
        [
            {"project_id": pid, "priority_id": priority_ids[i % len(priority_ids)]}
            for i, pid in enumerate(project_ids)
        ],
    )
    funding = [
        pid for pid, p in zip(project_ids, projects, strict=True) if p["action"] in ACTIONS[:2]
    ]
    ka171 = [
        pid for pid, p in zip(project_ids, projects, strict=True) if p["action"] is Action.KA171_HED
    ]
    partner_ids = _insert(
        ProjectPartner,
        [
            {"project_id": pid, "organisation_id": oid, "budget": Decimal(20000)}
            for pid in ka171
            for oid in organisation_ids[3:]
        ],
    )
    _add(
        PlannedMobility,
        [
            {"partner_id": partner, "activity_type": activity, "flow": flow, "planned": 5}
            for partner in partner_ids
            for activity in (ActivityType.SMS, ActivityType.STA)
            for flow in Flow
        ],
    )
    activities = list(ActivityType)
    mobilities = [
        {
            "participant_name": f"Bulk participant {batch}-{number}",
            "participant_kind": ParticipantKind.STUDENT,
            "activity_type": activities[number % len(activities)],
            "flow": Flow.OUTGOING if number % 3 else Flow.INCOMING,
            "organisation_id": organisation_ids[number % len(organisation_ids)],
            "project_id": (funding_ids or funding)[number % len(funding_ids or funding)],
            "start_date": today,
            "end_date": today + timedelta(days=number % 300),
            "grant_total": Decimal(1000 + number % 500),
            "owner_id": owner_ids[number % len(owner_ids)],
            "faculty": FACULTIES[number % len(FACULTIES)],
            "status": status or statuses[number % len(statuses)],
        }
        for number in range(n)
    ]
    mobility_ids = _insert(Mobility, mobilities)
    _add(
        mobility_priorities,
        [
            {"mobility_id": mid, "priority_id": priority_ids[i % len(priority_ids)]}
            for i, mid in enumerate(mobility_ids)
        ],
    )
    _add(
        Deadline,
        [
            {
                "title": f"Bulk deadline {batch}-{number}",
                "kind": DeadlineKind.CALL,
                "due_date": today + timedelta(days=number),
            }
            for number in range(0, 90, 10)
        ],
    )
    db.session.commit()
    return {"projects": project_ids, "mobilities": mobility_ids, "funding": funding}
