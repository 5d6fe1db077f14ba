"""The deadline list and its choices, each one SQL statement, restricted by `visible()`.

A deadline tied to a project is seen by whoever may see the project; a general
deadline (no project) by everyone signed in.
"""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager

from tracker.auth.permissions import visible
from tracker.column_types import as_id
from tracker.deadlines.models import Deadline
from tracker.extensions import db
from tracker.projects.models import Project

UPCOMING, PAST = "upcoming", "past"
"""The two halves of the list: from today on (soonest first), and before today (latest first)."""


def _seen_by(user):
    """The condition that keeps the deadlines `user` may see."""
    projects = visible(user, Project, sa.select(Project.id))
    return sa.or_(Deadline.project_id.is_(None), Deadline.project_id.in_(projects))


def deadlines_query(user):
    """The deadlines `user` may see, with their project loaded in the same query; the list's
    filters (deadlines/filters.py) narrow it."""
    return (
        sa.select(Deadline)
        .outerjoin(Project, Deadline.project)
        .options(contains_eager(Deadline.project))
        .where(_seen_by(user))
    )


def in_period(when):
    """The condition of one half of the list: from today on, or before today (PAST)."""
    today = date.today()
    return Deadline.due_date < today if when == PAST else Deadline.due_date >= today


def in_order(query, when):
    """The upcoming deadlines soonest first, the past ones latest first."""
    due = Deadline.due_date.desc() if when == PAST else Deadline.due_date.asc()
    return query.order_by(due, Deadline.id)


def projects_with_deadlines(user):
    """(id, name) of the projects `user` may see that have a deadline: the list's filter."""
    name = sa.func.coalesce(Project.acronym, Project.title)
    query = visible(
        user,
        Project,
        sa.select(Project.id, name.label("name"))
        .where(sa.exists().where(Deadline.project_id == Project.id))
        .order_by(name, Project.id),
    )
    return db.session.execute(query).all()


def project_choices():
    """(id, name) of every project, for the office's deadline form."""
    name = sa.func.coalesce(Project.acronym, Project.title)
    rows = db.session.execute(
        sa.select(Project.id, name.label("name"), Project.call_year).order_by(
            Project.call_year.desc(), name, Project.id
        )
    )
    return [(row.id, f"{row.name} ({row.call_year})") for row in rows]


def project_exists(project_id):
    project_id = as_id(project_id)
    return project_id is not None and db.session.get(Project, project_id) is not None
