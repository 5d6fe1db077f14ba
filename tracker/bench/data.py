"""Many records fast: `build()` inserts a whole office's ten years with bulk inserts.

One INSERT ... VALUES per batch of rows (SQLAlchemy Core executemany), no ORM objects:
100,000 mobilities with their priorities and history take well under a minute on SQLite.
Everything varies: every action, status, activity, flow, priority and partner country,
ten call years, owners in every faculty. One KA131 project (the first) funds a tenth of
the mobilities: "a project with 10,000 mobilities" for the benchmark.
"""

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa

from tracker.auth.models import User
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.erasmus.countries import PROGRAMME_COUNTRIES, REGIONS
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority, mobility_priorities, project_priorities
from tracker.projects.models import PlannedMobility, Project, ProjectPartner
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status

FACULTIES = (
    "Faculty of Science",
    "Faculty of Law",
    "Faculty of Arts",
    "Faculty of Medicine",
    "School of Economics and Business",
    "Faculty of Social Sciences",
)
COUNTRIES = sorted(PROGRAMME_COUNTRIES | set(REGIONS))
FUNDING = (Action.KA131_HED, Action.KA171_HED)
BENCH_ACCOUNTS = {
    Role.STAFF: "bench-staff@example.edu",
    Role.COORDINATOR: "bench-coordinator@example.edu",
    Role.ADMIN: "bench-admin@example.edu",
}
"""The accounts the benchmark signs in with, all with the password given to `build`."""
_batch = itertools.count(1)


@dataclass
class Sizes:
    mobilities: int = 100_000
    projects: int = 10_000
    organisations: int = 2_000
    users: int = 500
    call_years: int = 10
    deadlines: int = 100


def _insert(model, rows):
    """Insert `rows` with ids given here (the next free ones), in one executemany; their ids.

    No RETURNING and no ORM: the driver's own executemany is several times faster.
    `_advance_sequences` then tells PostgreSQL which ids are taken.
    """
    if not rows:
        return []
    first = (db.session.scalar(sa.select(sa.func.max(model.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    for record_id, row in zip(ids, rows, strict=True):
        row["id"] = record_id
    _add(model.__table__, rows)
    return ids


def _add(table, rows):
    """Insert `rows` in one executemany, no ids back."""
    if rows:
        db.session.execute(getattr(table, "__table__", table).insert(), rows)


def _advance_sequences(models):
    """On PostgreSQL, move each id sequence past the ids `_insert` gave."""
    if db.engine.dialect.name != "postgresql":
        return
    for model in models:
        table = model.__table__.name
        db.session.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608  # nosec B608 (model names)
                f"(SELECT max(id) FROM {table}))"
            )
        )


def _users(batch, count, password_hash):
    """`count` users: the three bench accounts first (in the first batch), a coordinator in
    twenty, the rest staff spread over the faculties."""
    rows = []
    for number in range(count):
        role = Role.COORDINATOR if number % 20 == 1 else Role.STAFF
        email = f"bench{batch}-{number}@example.edu"
        if batch == 1 and number < len(BENCH_ACCOUNTS):
            role, email = list(BENCH_ACCOUNTS.items())[number]
        rows.append(
            {
                "email": email,
                "full_name": f"Bench {role.value} {batch}-{number}",
                "role": role,
                "faculty": FACULTIES[number % len(FACULTIES)],
                "password_hash": password_hash,
            }
        )
    return _insert(User, rows)


def _organisations(batch, count):
    return _insert(
        Organisation,
        [
            {
                "name": f"Bench University {batch}-{number}",
                "country": COUNTRIES[number % len(COUNTRIES)],
                "city": f"City {number % 97}",
            }
            for number in range(count)
        ],
    )


def build(sizes, password_hash="!", owner_ids=None, funding_ids=None, status=None):  # noqa: S107  # nosec B107 (an unusable hash)
    """Add the records `sizes` asks for (call it again to grow the set); returns their ids.

    `owner_ids`: the users who own everything (default: `sizes.users` new ones);
    `funding_ids`: the projects that fund the mobilities (default: this call's KA131 and
    KA171 ones, the first with a tenth of them); `status`: every mobility's status
    (default: every status in turn).
    """
    batch = next(_batch)
    today = date.today()
    first_year = today.year - sizes.call_years + 1
    years = [first_year + offset for offset in range(sizes.call_years)]
    owners = owner_ids or _users(batch, sizes.users, password_hash)
    organisations = _organisations(batch, sizes.organisations)
    priorities = db.session.scalars(sa.select(Priority.id).order_by(Priority.position)).all()
    statuses, actions, activities = list(Status), list(Action), list(ActivityType)
    bands, kinds = list(DistanceBand), list(ParticipantKind)

    projects = []
    # Mobilities need funding: unless `funding_ids` names it, the first two projects are an
    # approved KA131 and an ongoing KA171.
    for number in range(sizes.projects if funding_ids else max(sizes.projects, 2)):
        action = FUNDING[number] if number < 2 else actions[number % len(actions)]
        year = years[number % len(years)]
        start = date(year, 6, 1)
        status = (Status.APPROVED, Status.ONGOING)[number] if number < 2 else None
        projects.append(
            {
                "action": action,
                "title": f"Bench project {batch}-{number} on {COUNTRIES[number % len(COUNTRIES)]}",
                "acronym": f"B{batch}-{number}" if number % 2 else None,
                "call_year": year,
                "start_date": start,
                "end_date": start + timedelta(days=730),
                "requested_amount": Decimal(10000 + number),
                "awarded_amount": Decimal(9000 + number) if number % 3 else None,
                "owner_id": owners[number % len(owners)],
                "faculty": FACULTIES[number % len(FACULTIES)],
                "status": status or statuses[number % len(statuses)],
            }
        )
    project_ids = _insert(Project, projects)
    _add(
        project_priorities,
        [
            {"project_id": pid, "priority_id": priorities[i % len(priorities)]}
            for i, pid in enumerate(project_ids)
        ]
        if priorities
        else [],
    )
    funding = [pid for pid, p in zip(project_ids, projects, strict=True) if p["action"] in FUNDING]
    ka171 = [
        pid for pid, p in zip(project_ids, projects, strict=True) if p["action"] is Action.KA171_HED
    ]
    partner_ids = _insert(
        ProjectPartner,
        [
            {
                "project_id": pid,
                "organisation_id": organisations[(i * 3 + k) % len(organisations)],
                "budget": Decimal(20000),
            }
            for i, pid in enumerate(ka171)
            for k in range(3)
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

    funding = funding_ids or funding
    year_of = dict(
        db.session.execute(
            sa.select(Project.id, Project.call_year).where(Project.id.in_(funding))
        ).all()
    )
    # A KA171 project's mobilities go to its partners, as the form insists.
    partners_of = {}
    for project_id, organisation_id in db.session.execute(
        sa.select(ProjectPartner.project_id, ProjectPartner.organisation_id).where(
            ProjectPartner.project_id.in_(funding)
        )
    ):
        partners_of.setdefault(project_id, []).append(organisation_id)
    big_share = max(sizes.mobilities // 10, 1)
    mobilities = []
    for number in range(sizes.mobilities):
        # A tenth goes to the first project, the rest round the funding projects.
        project_id = funding[0] if number < big_share else funding[number % len(funding)]
        start = date(year_of[project_id], 9, 1) + timedelta(days=number % 200)
        mobilities.append(
            {
                "participant_name": f"Participant {batch}-{number} {COUNTRIES[number % 61]}",
                "participant_email": f"p{batch}-{number}@student.example.edu",
                "participant_kind": kinds[number % len(kinds)],
                "activity_type": activities[number % len(activities)],
                "flow": Flow.OUTGOING if number % 3 else Flow.INCOMING,
                "organisation_id": (partners_of.get(project_id) or organisations)[
                    number % len(partners_of.get(project_id) or organisations)
                ],
                "project_id": project_id,
                "distance_band": bands[number % len(bands)],
                "start_date": start,
                "end_date": start + timedelta(days=5 + number % 300),
                "grant_total": Decimal(1000 + number % 500),
                "owner_id": owners[number % len(owners)],
                "faculty": FACULTIES[number % len(FACULTIES)],
                "status": status or statuses[number % len(statuses)],
            }
        )
    mobility_ids = _insert(Mobility, mobilities)
    _add(
        mobility_priorities,
        [
            {"mobility_id": mid, "priority_id": priorities[i % len(priorities)]}
            for i, mid in enumerate(mobility_ids)
        ]
        if priorities
        else [],
    )
    _history(project_ids, projects, mobility_ids, mobilities)
    _insert(
        Deadline,
        [
            {
                "title": f"Bench deadline {batch}-{number}",
                "kind": DeadlineKind.CALL,
                "due_date": today + timedelta(days=number - 50),
                "project_id": project_ids[number % len(project_ids)] if number % 2 else None,
            }
            for number in range(0, 2 * sizes.deadlines, 2)
        ],
    )
    _advance_sequences(
        (User, Organisation, Project, ProjectPartner, PlannedMobility, Mobility, HistoryEntry)
        + (Deadline,)
    )
    db.session.commit()
    return {
        "users": owners,
        "projects": project_ids,
        "funding": funding,
        "mobilities": mobility_ids,
        "organisations": organisations,
    }


def _history(project_ids, projects, mobility_ids, mobilities):
    """A "created" entry per record and a status change for each one past draft."""
    created = datetime.now(UTC) - timedelta(days=30)
    rows = []
    for link, ids, records in (
        ("project_id", project_ids, projects),
        ("mobility_id", mobility_ids, mobilities),
    ):
        other = "mobility_id" if link == "project_id" else "project_id"
        for record_id, record in zip(ids, records, strict=True):
            base = {link: record_id, other: None, "user_id": record["owner_id"]}
            base |= {"from_status": None, "to_status": None, "changes": None, "comment": None}
            rows.append(base | {"kind": HistoryKind.CREATED, "created_at": created})
            if record["status"] is not Status.DRAFT:
                rows.append(
                    base
                    | {
                        "kind": HistoryKind.STATUS,
                        "from_status": Status.DRAFT,
                        "to_status": record["status"],
                        "created_at": created + timedelta(days=1),
                    }
                )
    _add(HistoryEntry, rows)
