"""Named queries for mobilities: the list with its filters, and the choices forms offer."""

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, joinedload, selectinload
from wtforms.fields.choices import SelectChoice

from tracker.auth.models import User
from tracker.auth.permissions import can, visible
from tracker.column_types import as_id
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.listing import contains, distinct_values
from tracker.mobilities.models import Mobility
from tracker.mobilities.rules import FUNDING_ACTIONS, FUNDING_STATUSES
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority
from tracker.projects.models import Project, ProjectPartner
from tracker.workflow.models import HistoryEntry

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
    "grant": Mobility.grant_amount,
    "status": Mobility.status,
    "owner": User.full_name,
}


def visible_mobility(user, mobility_id):
    """The mobility if `user` may see it (theirs, or funded by a project they own; the
    office: any), else None (the view answers 404)."""
    query = sa.select(Mobility).where(Mobility.id == mobility_id)
    if not can(user, "act_on_every_record"):
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


def _joined(user, *columns):
    """A select of `columns` over the mobilities `user` may see, with their project, partner
    and owner joined in (the filters' conditions and the sort use them)."""
    query = (
        sa.select(*columns)
        .select_from(Mobility)
        .outerjoin(Mobility.project)
        .outerjoin(Mobility.organisation)
        .join(Mobility.owner)
    )
    return visible(user, Mobility, query)


def mobility_list(user):
    """Every mobility `user` may see, loaded with its project, partner and owner: a page
    costs the same queries whatever the rows."""
    return _joined(user, Mobility).options(
        contains_eager(Mobility.project),
        contains_eager(Mobility.organisation),
        contains_eager(Mobility.owner),
    )


SORTED_TABLES = {
    "partner": Organisation,
    "country": Organisation,
    "project": Project,
    "call_year": Project,
    "owner": User,
}
"""The joined table each sort reads (the others read the mobility's own columns)."""


def mobility_count(user, tables):
    """A select of how many mobilities `user` may see, joining only `tables` (those the
    chosen filters read): the total of a 100,000-row list without four-table joins.
    count(*), not count(id): unfiltered, SQLite answers it without reading the rows."""
    return _narrow(user, tables, sa.func.count())


def mobility_keys(user, tables):
    """A select of the ids of the mobilities `user` may see, joining only `tables` (those
    the chosen filters and the sort read): the list's page is found in it (see
    listing.EntityPagination)."""
    return _narrow(user, tables, Mobility.id)


def _narrow(user, tables, column):
    query = sa.select(column).select_from(Mobility)
    if Project in tables:
        query = query.outerjoin(Mobility.project)
    if Organisation in tables:
        query = query.outerjoin(Mobility.organisation)
    if User in tables:
        query = query.join(Mobility.owner)
    return visible(user, Mobility, query)


def mobility_rows(user, columns):
    """As mobility_list, but plain rows of `columns` (the export: no ORM objects)."""
    return _joined(user, *columns)


SUGGESTION_LIMIT = 10


def _suggestion_queries(user):
    """{filter: (select of (id, name), id column, text columns)} for the text filters,
    restricted to what `user` may see: staff never read the name of another's project."""
    projects = visible(
        user,
        Project,
        sa.select(Project.id, sa.func.coalesce(Project.acronym, Project.title).label("name")),
    ).where(Project.action.in_(FUNDING_ACTIONS))
    queries = {
        "project": (projects, Project.id, (Project.acronym, Project.title)),
        "partner": (
            sa.select(Organisation.id, Organisation.name),
            Organisation.id,
            (Organisation.name,),
        ),
    }
    if can(user, "act_on_every_record"):
        queries["owner"] = (
            sa.select(User.id, User.full_name.label("name")),
            User.id,
            (User.full_name,),
        )
    return queries


def name_of(user, kind, record_id):
    """The name of the record a text filter gives by id, if `user` may see it, else None."""
    if kind not in (found := _suggestion_queries(user)):
        return None
    query, id_column, _texts = found[kind]
    row = db.session.execute(query.where(id_column == record_id)).first()
    return row.name if row else None


def suggestions(user, kind, text):
    """Up to SUGGESTION_LIMIT names containing `text` for a text filter, as `user` may see."""
    text = (text or "").strip()
    if kind not in (found := _suggestion_queries(user)) or not text:
        return []
    query, _id, texts = found[kind]
    query = query.where(sa.or_(*(contains(column, text) for column in texts)))
    return [row.name for row in db.session.execute(query.order_by("name").limit(SUGGESTION_LIMIT))]


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


def funding_project_choices(keep=None):
    """KA131/KA171 projects that may fund a mobility: approved or ongoing ones (and `keep`,
    the one it has)."""
    query = sa.select(Project).where(
        Project.action.in_(FUNDING_ACTIONS),
        sa.or_(Project.status.in_(FUNDING_STATUSES), Project.id == keep),
    )
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


def call_years():
    """The call years of the projects that fund mobilities, newest first (filter choices)."""
    return db.session.scalars(
        sa.select(Project.call_year)
        .where(Project.action.in_(FUNDING_ACTIONS))
        .distinct()
        .order_by(Project.call_year.desc())
    ).all()


def faculties():
    """The faculties the mobilities name, for the list's filter."""
    names = distinct_values(Mobility.faculty, "faculties").subquery()
    return db.session.scalars(sa.select(names.c.name).order_by(names.c.name)).all()
