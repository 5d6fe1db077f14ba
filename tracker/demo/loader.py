"""Load the demo data set into the current session, adding only what is not there yet.

Every record is found again by its natural key (account e-mail, Erasmus code or
name, grant agreement number or title and call year, participant e-mail with
project and start date, deadline title), so a second load adds nothing. The
caller commits: the whole load is one transaction.
"""

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import force_locale

from tracker.auth.models import User
from tracker.column_types import utcnow
from tracker.deadlines.models import Deadline
from tracker.demo.accounts import DEMO_ACCOUNTS, STAFF_KEYS
from tracker.demo.deadlines import demo_deadlines
from tracker.demo.mobilities import demo_mobilities
from tracker.demo.partners import PARTNERS
from tracker.demo.projects import funded_projects
from tracker.demo.proposals import upcoming_projects
from tracker.demo.timeline import at_nine, funded_status, status_from_dates, write_history
from tracker.erasmus.mobility_types import ActivityType
from tracker.extensions import db
from tracker.mobilities.grant_inputs import calculate, inputs_from_mobility
from tracker.mobilities.models import Mobility
from tracker.mobilities.recalculation import store_grant
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority
from tracker.projects.models import OrganisedBip, PlannedMobility, Project, ProjectPartner

REVIEWER = "coordinator"
DAYS_PREPARED = 120
"""A mobility is entered about four months before it starts."""


def load_demo_data(today: date | None = None) -> Counter:
    """Add the demo records missing from the database; return how many of each were added.

    Runs under an English locale: a GrantError renders its message when raised, and
    outside a request there is no reader whose language to pick.
    """
    with force_locale("en"):
        return _load(today)


def _load(today):
    now = utcnow() if today is None else datetime.combine(today, time(12), tzinfo=UTC)
    today = today or now.date()
    added = Counter()
    users = _accounts(added)
    organisations = _organisations(added)
    priorities = {priority.code: priority for priority in db.session.scalars(sa.select(Priority))}
    specs = [*funded_projects(), *upcoming_projects(today)]
    projects, new_projects = _projects(specs, users, organisations, priorities, today, now, added)
    _mobilities(specs, projects, new_projects, users, organisations, priorities, today, now, added)
    _deadlines(today, specs, projects, users, added)
    db.session.flush()
    return added


def _accounts(added):
    emails = [account.email for account in DEMO_ACCOUNTS]
    found = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.in_(emails)))}
    hashes = {}  # scrypt is slow on purpose: each demo password is hashed once
    users = {}
    for account in DEMO_ACCOUNTS:
        user = found.get(account.email)
        if user is None:
            if account.password not in hashes:
                hasher = User()
                hasher.set_password(account.password)
                hashes[account.password] = hasher.password_hash
            user = User(
                email=account.email,
                full_name=account.full_name,
                role=account.role,
                faculty=account.faculty,
                password_hash=hashes[account.password],
            )
            db.session.add(user)
            added["accounts"] += 1
        users[account.key] = user
    db.session.flush()
    return users


def _organisations(added):
    existing = db.session.scalars(sa.select(Organisation)).all()
    by_code = {org.erasmus_code: org for org in existing if org.erasmus_code}
    by_name = {(org.name, org.country): org for org in existing}
    organisations = {}
    for partner in PARTNERS.values():
        org = by_code.get(partner.erasmus_code) or by_name.get((partner.name, partner.country))
        if org is None:
            org = Organisation(
                name=partner.name,
                erasmus_code=partner.erasmus_code,
                pic=partner.pic,
                country=partner.country,
                city=partner.city,
            )
            db.session.add(org)
            added["organisations"] += 1
        organisations[partner.key] = org
    return organisations


def _project_key(project):
    return project.grant_agreement_number or (project.title, project.call_year)


def _projects(specs, users, organisations, priorities, today, now, added):
    existing = {_project_key(p): p for p in db.session.scalars(sa.select(Project))}
    projects, new = {}, set()
    for spec in specs:
        project = existing.get(spec.natural_key)
        if project is None:
            project = _new_project(spec, users, organisations, priorities, today, now, added)
            new.add(spec.key)
        projects[spec.key] = project
    return projects, new


def _new_project(spec, users, organisations, priorities, today, now, added):
    owner = users[spec.owner]
    status = spec.status or funded_status(spec.start, spec.end, today)
    project = Project(
        action=spec.action,
        title=spec.title,
        acronym=spec.acronym,
        call_year=spec.call_year,
        grant_agreement_number=spec.number,
        start_date=spec.start,
        end_date=spec.end,
        our_role=spec.our_role,
        requested_amount=spec.requested,
        awarded_amount=spec.awarded,
        owner=owner,
        faculty=owner.faculty,
        summary=spec.summary,
        status=status,
        priorities=[priorities[code] for code in spec.priorities],
    )
    for member in spec.partners:
        partner = ProjectPartner(
            organisation=organisations[member.partner], role=member.role, budget=member.budget
        )
        partner.planned_mobilities = [
            PlannedMobility(activity_type=activity, flow=flow, planned=planned)
            for activity, flow, planned in member.planned
        ]
        project.partners.append(partner)
        added["project partners"] += 1
        added["planned mobilities"] += len(member.planned)
    project.organised_bips = [
        OrganisedBip(
            title=title,
            start_date=first,
            end_date=first + timedelta(days=days - 1),
            participants=participants,
        )
        for title, first, days, participants in spec.organised_bips
    ]
    added["organised programmes"] += len(spec.organised_bips)
    db.session.add(project)
    # Applications are written in the weeks before the call deadline in February.
    created = at_nine(date(spec.call_year, 1, 8))
    added["history entries"] += write_history(
        project, owner, users[REVIEWER], min(created, now - timedelta(days=40)), now
    )
    added["projects"] += 1
    return project


def _mobilities(specs, projects, new_projects, users, organisations, priorities, today, now, added):
    known_ids = [projects[key].id for key in projects if key not in new_projects]
    rows = db.session.execute(
        sa.select(Mobility.participant_email, Mobility.project_id, Mobility.start_date).where(
            Mobility.project_id.in_(known_ids)
        )
    )
    existing = set(rows)
    rate_tables = {}
    for spec in demo_mobilities(specs, STAFF_KEYS):
        project = projects[spec.project]
        if spec.project not in new_projects and (spec.email, project.id, spec.start) in existing:
            continue
        owner = users[spec.owner]
        mobility = Mobility(
            participant_name=spec.name,
            participant_email=spec.email,
            participant_kind=spec.kind,
            activity_type=spec.activity,
            flow=spec.flow,
            organisation=organisations[spec.partner],
            project=project,
            start_date=spec.start,
            end_date=spec.end,
            distance_band=PARTNERS[spec.partner].band,
            green_travel=spec.green_travel,
            travel_days=spec.travel_days,
            fewer_opportunities=spec.fewer_opportunities,
            virtual_component=spec.activity is ActivityType.BIP,
            owner=owner,
            faculty=owner.faculty,
            status=status_from_dates(spec.start, spec.end, today, spec.roll),
            priorities=[priorities[code] for code in spec.priorities],
        )
        with db.session.no_autoflush:
            store_grant(mobility, calculate(inputs_from_mobility(mobility), rate_tables))
        db.session.add(mobility)
        created = at_nine(spec.start - timedelta(days=DAYS_PREPARED))
        added["history entries"] += write_history(
            mobility, owner, users[REVIEWER], min(created, now - timedelta(days=40)), now
        )
        added["mobilities"] += 1


def _deadlines(today, specs, projects, users, added):
    titles = set(db.session.scalars(sa.select(Deadline.title)))
    for spec in demo_deadlines(today, specs):
        if spec.title in titles:
            continue
        db.session.add(
            Deadline(
                title=spec.title,
                kind=spec.kind,
                due_date=spec.due,
                project=projects[spec.project] if spec.project else None,
                notes=spec.notes,
                created_by_id=users[REVIEWER].id,
            )
        )
        added["deadlines"] += 1
