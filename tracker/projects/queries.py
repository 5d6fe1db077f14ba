"""Named queries on projects: the list, one project with what its page shows, choices."""

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from tracker.auth.models import User
from tracker.auth.permissions import visible, visible_in_project
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.priorities.models import Priority
from tracker.projects.models import PlannedMobility, Project, ProjectPartner

SORTABLE = {
    "title": sa.func.lower(Project.title),
    "acronym": sa.func.lower(Project.acronym),
    "action": Project.action,
    "call_year": Project.call_year,
    "status": Project.status,
    "owner": sa.func.lower(User.full_name),
    "faculty": sa.func.lower(Project.faculty),
    "start_date": Project.start_date,
    "end_date": Project.end_date,
    "requested_amount": Project.requested_amount,
    "awarded_amount": Project.awarded_amount,
}
DEFAULT_SORT = "-call_year"


def projects_query(user):
    """The projects `user` may see, each with its owner (one join) and priorities (one query)."""
    query = (
        sa.select(Project)
        .join(Project.owner)
        .options(contains_eager(Project.owner), selectinload(Project.priorities))
    )
    return visible(user, Project, query)


def project_or_404(user, project_id):
    """The project if `user` may see it; 404 otherwise, so nobody learns it exists."""
    query = visible(user, Project, sa.select(Project).where(Project.id == project_id))
    return db.session.scalar(query) or abort(404)


def partner_or_404(project, partner_id):
    partner = db.session.get(ProjectPartner, partner_id)
    if partner is None or partner.project_id != project.id:
        abort(404)
    return partner


def planned_mobility_or_404(partner, planned_id):
    planned = db.session.get(PlannedMobility, planned_id)
    if planned is None or planned.partner_id != partner.id:
        abort(404)
    return planned


def partners_of(project):
    """The partners with their organisations and planned mobilities, in three queries."""
    query = (
        sa.select(ProjectPartner)
        .where(ProjectPartner.project_id == project.id)
        .options(
            joinedload(ProjectPartner.organisation), selectinload(ProjectPartner.planned_mobilities)
        )
        .order_by(ProjectPartner.id)
    )
    return db.session.scalars(query).all()


MOBILITIES_SHOWN = 25
"""A project's page lists this many of its mobilities and links to the list of them all."""


def mobilities_of(user, project):
    """The first MOBILITIES_SHOWN of the project's mobilities that `user` may see (its
    owner: all of them), with their partner organisations, and how many there are in all."""
    query = visible_in_project(
        user, project, Mobility, sa.select(Mobility).where(Mobility.project_id == project.id)
    )
    shown = db.session.scalars(
        query.options(joinedload(Mobility.organisation))
        .order_by(Mobility.start_date.nulls_last(), Mobility.id)
        .limit(MOBILITIES_SHOWN)
    ).all()
    total = len(shown)
    if total == MOBILITIES_SHOWN:
        total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    return shown, total


def project_with_number(number, project=None):
    """Another project already holding grant agreement `number`, if any."""
    query = sa.select(Project).where(Project.grant_agreement_number == number)
    if project is not None and project.id is not None:
        query = query.where(Project.id != project.id)
    return db.session.scalar(query)


def priority_choices():
    rows = db.session.scalars(sa.select(Priority).order_by(Priority.position))
    return [(priority.id, priority.name) for priority in rows]


def priorities_by_id(ids):
    if not ids:
        return []
    query = sa.select(Priority).where(Priority.id.in_(ids)).order_by(Priority.position)
    return db.session.scalars(query).all()


def faculty_choices(user):
    """The faculties of the projects `user` may see, for the list's filter."""
    query = visible(
        user,
        Project,
        sa.select(Project.faculty).where(Project.faculty.is_not(None)).distinct(),
    )
    return sorted(db.session.scalars(query), key=str.lower)
