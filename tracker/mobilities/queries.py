"""Named queries for mobilities: the list with its filters, and the choices forms offer."""

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, joinedload, selectinload
from wtforms.fields.choices import SelectChoice

from tracker.auth.models import User
from tracker.auth.permissions import is_office, visible
from tracker.columns import as_id
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.listing import contains
from tracker.mobilities.models import Mobility
from tracker.mobilities.rules import FUNDING_ACTIONS, FUNDING_STATUSES
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority, mobility_priorities
from tracker.projects.models import Project, ProjectPartner
from tracker.workflow.models import HistoryEntry
from tracker.workflow.states import NOT_COMMITTED

SORTABLE = {
    "participant": Mobility.participant_name,
    "activity": Mobility.activity_type,
    "flow": Mobility.flow,
    "partner": Organisation.name,
    "country": Organisation.country,
    "project": Project.acronym,
    "call_year": Project.call_year,
    "start": Mobility.start_date,
    "end": Mobility.end_date,
    "grant": sa.func.coalesce(Mobility.grant_override_total, Mobility.grant_total),
    "status": Mobility.status,
    "owner": User.full_name,
}


def visible_mobility(user, mobility_id):
    """The mobility if `user` may see it (theirs, or funded by a project they own; the
    office: any), else None (the view answers 404)."""
    query = sa.select(Mobility).where(Mobility.id == mobility_id)
    if not is_office(user):
        query = query.where(
            sa.or_(
                Mobility.owner_id == user.id,
                Mobility.project.has(Project.owner_id == user.id),
            )
        )
    return db.session.scalar(
        query.options(
            joinedload(Mobility.project),
            joinedload(Mobility.organisation),
            joinedload(Mobility.owner),
            selectinload(Mobility.priorities),
        )
    )


def mobility_list(user, filters):
    """Every mobility `user` may see that matches `filters` (a dict of cleaned filter values).

    One SELECT with its project, partner and owner joined in: a page costs the same
    number of queries whatever the number of rows.
    """
    query = (
        sa.select(Mobility)
        .outerjoin(Mobility.project)
        .outerjoin(Mobility.organisation)
        .join(Mobility.owner)
        .options(
            contains_eager(Mobility.project),
            contains_eager(Mobility.organisation),
            contains_eager(Mobility.owner),
        )
    )
    query = visible(user, Mobility, query)
    equal_to = {
        "call_year": Project.call_year,
        "action": Project.action,
        "status": Mobility.status,
        "faculty": Mobility.faculty,
        "country": Organisation.country,
        "owner": Mobility.owner_id,
        "activity_type": Mobility.activity_type,
        "flow": Mobility.flow,
        "project": Mobility.project_id,
        "partner": Mobility.organisation_id,
    }
    for name, column in equal_to.items():
        if filters.get(name) not in (None, ""):
            query = query.where(column == filters[name])
    if filters.get("committed"):
        query = query.where(Mobility.status.not_in(NOT_COMMITTED))
    if filters.get("priority"):
        query = query.where(
            sa.exists().where(
                mobility_priorities.c.mobility_id == Mobility.id,
                mobility_priorities.c.priority_id == filters["priority"],
            )
        )
    if filters.get("q"):
        text = filters["q"]
        query = query.where(
            sa.or_(
                contains(Mobility.participant_name, text),
                contains(Mobility.participant_email, text),
                contains(Organisation.name, text),
            )
        )
    return query


def history_of(mobility):
    """The mobility's history, newest first, in one query with the users."""
    return db.session.scalars(
        sa.select(HistoryEntry)
        .where(HistoryEntry.mobility_id == mobility.id)
        .options(joinedload(HistoryEntry.user))
        .order_by(HistoryEntry.created_at.desc(), HistoryEntry.id.desc())
    ).all()


def funding_project(project_id, keep=None):
    """The project if it may fund a mobility (KA131/KA171, approved or ongoing), else None.

    `keep`: the mobility's current project, which it keeps even once that project has
    moved on (completed, say): a coordinator still corrects such a mobility.
    """
    project_id = as_id(project_id)
    if project_id is None:
        return None
    return db.session.scalar(
        sa.select(Project).where(
            Project.id == project_id,
            Project.action.in_(FUNDING_ACTIONS),
            sa.or_(Project.status.in_(FUNDING_STATUSES), Project.id == keep),
        )
    )


def funding_project_choices(open_only=True, keep=None):
    """KA131/KA171 projects to pick: for a mobility only approved or ongoing ones (and the
    one it has, `keep`)."""
    query = sa.select(Project).where(Project.action.in_(FUNDING_ACTIONS))
    if open_only:
        query = query.where(sa.or_(Project.status.in_(FUNDING_STATUSES), Project.id == keep))
    projects = db.session.scalars(query.order_by(Project.call_year.desc(), Project.title))
    return [SelectChoice(p.id, f"{p} ({p.action.value}, {p.call_year})") for p in projects]


def organisation(organisation_id):
    organisation_id = as_id(organisation_id)
    return db.session.get(Organisation, organisation_id) if organisation_id else None


def organisation_choices(project=None, keep=None):
    """Partner organisations to pick; for a KA171 project only that project's partners (and
    `keep`, the mobility's current one, so that a correction never loses it)."""
    query = sa.select(Organisation.id, Organisation.name, Organisation.country)
    if project is not None and project.action is Action.KA171_HED:
        partners = sa.select(ProjectPartner.organisation_id).where(
            ProjectPartner.project_id == project.id
        )
        query = query.where(sa.or_(Organisation.id.in_(partners), Organisation.id == as_id(keep)))
    rows = db.session.execute(query.order_by(Organisation.name, Organisation.id))
    return [SelectChoice(row.id, f"{row.name} ({row.country})") for row in rows]


def priority_choices():
    return [
        SelectChoice(p.id, p.name)
        for p in db.session.scalars(sa.select(Priority).order_by("position"))
    ]


def priorities_by_id(ids):
    if not ids:
        return []
    return db.session.scalars(sa.select(Priority).where(Priority.id.in_(ids))).all()


def owner_choices():
    rows = db.session.execute(
        sa.select(User.id, User.full_name).where(User.active).order_by(User.full_name)
    )
    return [SelectChoice(row.id, row.full_name) for row in rows]


def call_years():
    """The call years of the projects that fund mobilities, newest first (filter choices)."""
    return db.session.scalars(
        sa.select(Project.call_year)
        .where(Project.action.in_(FUNDING_ACTIONS))
        .distinct()
        .order_by(Project.call_year.desc())
    ).all()


def faculties():
    return db.session.scalars(
        sa.select(Mobility.faculty)
        .where(Mobility.faculty.is_not(None))
        .distinct()
        .order_by(Mobility.faculty)
    ).all()
