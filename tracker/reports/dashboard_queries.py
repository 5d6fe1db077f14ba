"""The dashboards' figures: each a named function that runs one SQL statement.

Counting and summing happen in the database (GROUP BY, window functions), so a
page costs the same number of queries whatever the number of records. A `Scope`
says which records count: a call year (a mobility's is its funding project's),
a faculty, the records a user may see (`visible_to`). The KA171 figures are in
ka171_queries.py, the office reports (per user, through `visible`) in report_queries.py.
"""

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from tracker.auth.models import User
from tracker.auth.permissions import visibility, visibility_key
from tracker.column_types import MONEY
from tracker.deadlines.models import Deadline
from tracker.extensions import db
from tracker.listing import distinct_values
from tracker.mobilities.filters import MobilityFilterForm
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority, mobility_priorities, project_priorities
from tracker.projects.filters import ProjectFilterForm
from tracker.projects.models import Project
from tracker.reports.periods import actions_by_period
from tracker.workflow.states import Status

ZERO = sa.cast(0, MONEY)
"""Zero euro with cents, so an empty sum reads 0.00 on every database."""

MOBILITY_CONDITIONS = MobilityFilterForm.CONDITIONS
PROJECT_CONDITIONS = ProjectFilterForm.CONDITIONS

FUNDED = (Status.APPROVED, Status.ONGOING, Status.COMPLETED)
"""Projects with a grant, and so a final report to write."""


@dataclass(frozen=True)
class Scope:
    """Which records a figure counts; None means any."""

    call_year: int | None = None
    faculty: str | None = None
    visible_to: User | None = None
    """Only the records this user may see (permissions.visibility)."""

    def cache_key(self):
        """What the figures of this scope depend on: the viewer only through what they see."""
        return (self.call_year, self.faculty, visibility_key(self.visible_to))

    def projects(self):
        """Conditions on Project: the project list's own filters of the same name."""
        conditions = [
            PROJECT_CONDITIONS[name](value)
            for name, value in (("call_year", self.call_year), ("faculty", self.faculty))
            if value
        ]
        if self.visible_to is not None:
            conditions.extend(visibility(self.visible_to, Project))
        return conditions

    def mobilities(self):
        """Conditions on Mobility: the mobility list's own filters of the same name (the call
        year is the funding project's, which must be joined)."""
        conditions = [
            MOBILITY_CONDITIONS[name](value)
            for name, value in (("call_year", self.call_year), ("faculty", self.faculty))
            if value
        ]
        if self.visible_to is not None:
            conditions.extend(visibility(self.visible_to, Mobility))
        return conditions


def _mobility_select(*columns):
    return sa.select(*columns).select_from(Mobility).outerjoin(Project, Mobility.project)


def call_years():
    """Call years with projects, newest first: the dashboard's default is the first."""
    return db.session.scalars(
        sa.select(Project.call_year).distinct().order_by(Project.call_year.desc())
    ).all()


def latest_year_with_mobilities():
    """The newest call year whose projects fund a mobility: the dashboard opens on it, not
    on a new call year that holds only applications."""
    # Newest call year first, stopping at the first project that funds one: a few index
    # seeks, where max() over the join read every mobility (20 ms on PostgreSQL at 100,000).
    funds_one = sa.exists().where(Mobility.project_id == Project.id)
    return db.session.scalar(
        sa.select(Project.call_year).where(funds_one).order_by(Project.call_year.desc()).limit(1)
    )


def faculties():
    """Every faculty a project or a mobility names, in one statement."""
    names = sa.union(
        distinct_values(Project.faculty, "project_faculties"),
        distinct_values(Mobility.faculty, "mobility_faculties"),
    ).subquery()
    return db.session.scalars(sa.select(names.c.name).order_by(names.c.name)).all()


def records_per_status(scope):
    """Rows (kind, status, count), kind "projects" or "mobilities"."""
    projects = (
        sa.select(sa.literal("projects").label("kind"), Project.status, sa.func.count())
        .where(*scope.projects())
        .group_by(Project.status)
    )
    mobilities = _mobility_select(
        sa.literal("mobilities").label("kind"), Mobility.status, sa.func.count()
    ).where(*scope.mobilities())
    return db.session.execute(sa.union_all(projects, mobilities.group_by(Mobility.status))).all()


def projects_per_action(scope):
    """Rows (action, projects, requested, awarded): counts and budgets in one pass."""
    return db.session.execute(
        sa.select(
            Project.action,
            sa.func.count().label("projects"),
            sa.func.coalesce(sa.func.sum(Project.requested_amount), ZERO).label("requested"),
            sa.func.coalesce(sa.func.sum(Project.awarded_amount), ZERO).label("awarded"),
        )
        .where(*scope.projects())
        .group_by(Project.action)
    ).all()


def records_per_priority(scope):
    """Rows (priority, projects, mobilities) for every priority, zero where none."""
    projects = (
        sa.select(project_priorities.c.priority_id, sa.func.count().label("n"))
        .join(Project, Project.id == project_priorities.c.project_id)
        .where(*scope.projects())
        .group_by(project_priorities.c.priority_id)
        .subquery()
    )
    mobilities = (
        _mobility_select(mobility_priorities.c.priority_id, sa.func.count().label("n"))
        .join(mobility_priorities, mobility_priorities.c.mobility_id == Mobility.id)
        .where(*scope.mobilities())
        .group_by(mobility_priorities.c.priority_id)
        .subquery()
    )
    return db.session.execute(
        sa.select(
            Priority,
            sa.func.coalesce(projects.c.n, 0).label("projects"),
            sa.func.coalesce(mobilities.c.n, 0).label("mobilities"),
        )
        .outerjoin(projects, projects.c.priority_id == Priority.id)
        .outerjoin(mobilities, mobilities.c.priority_id == Priority.id)
        .order_by(Priority.position)
    ).all()


def mobilities_per_activity_and_flow(scope):
    """Rows (activity_type, flow, count)."""
    return db.session.execute(
        _mobility_select(Mobility.activity_type, Mobility.flow, sa.func.count().label("count"))
        .where(*scope.mobilities())
        .group_by(Mobility.activity_type, Mobility.flow)
        .order_by(Mobility.activity_type, Mobility.flow)
    ).all()


def mobilities_per_country(scope):
    """Rows (country, count) by the partner's country, most first; None: no partner yet."""
    count = sa.func.count().label("count")
    return db.session.execute(
        _mobility_select(Organisation.country, count)
        .outerjoin(Organisation, Mobility.organisation)
        .where(*scope.mobilities())
        .group_by(Organisation.country)
        .order_by(count.desc(), Organisation.country)
    ).all()


def upcoming_deadlines(today, days=60, user=None):
    """Deadlines from today to `days` ahead, soonest first, with their project.

    For a `user`: the general deadlines (tied to no project) and those of the projects
    they may see.
    """
    query = (
        sa.select(
            Deadline,
            Project.id.label("project_id"),
            sa.func.coalesce(Project.acronym, Project.title).label("project"),
        )
        .outerjoin(Project, Deadline.project)
        .where(Deadline.due_date.between(today, today + timedelta(days=days)))
        .order_by(Deadline.due_date, Deadline.id)
    )
    if user is not None and (conditions := visibility(user, Project)):
        query = query.where(sa.or_(Deadline.project_id.is_(None), sa.and_(*conditions)))
    return db.session.execute(query).all()


def final_reports_due(today, scope, days=60):
    """Funded projects whose final report falls due between today and `days` ahead.

    The due date is the end date plus the action's reporting period (periods.py);
    one condition per distinct period keeps it one statement on every database.
    """
    windows = [
        sa.and_(
            Project.action.in_(actions),
            Project.end_date.between(
                today - timedelta(days=period), today + timedelta(days=days - period)
            ),
        )
        for period, actions in actions_by_period().items()
    ]
    return db.session.scalars(
        sa.select(Project)
        .where(sa.or_(*windows), Project.status.in_(FUNDED), *scope.projects())
        .order_by(Project.end_date, Project.id)
    ).all()


def records_waiting_for(user, first, status=Status.CHANGES_REQUESTED):
    """The `first` projects and mobilities `user` may see in `status`, oldest change first,
    and how many there are in all.

    Rows (kind, id, label, updated_at).
    """
    projects = sa.select(
        sa.literal("projects").label("kind"),
        Project.id,
        sa.func.coalesce(Project.acronym, Project.title).label("label"),
        Project.updated_at,
    ).where(*visibility(user, Project), Project.status == status)
    mobilities = sa.select(
        sa.literal("mobilities").label("kind"),
        Mobility.id,
        Mobility.participant_name.label("label"),
        Mobility.updated_at,
    ).where(*visibility(user, Mobility), Mobility.status == status)
    union = sa.union_all(projects, mobilities).subquery()
    rows = db.session.execute(
        sa.select(union).order_by(union.c.updated_at, union.c.kind, union.c.id).limit(first)
    ).all()
    total = len(rows)
    if total == first:
        total = db.session.scalar(sa.select(sa.func.count()).select_from(union))
    return rows, total
