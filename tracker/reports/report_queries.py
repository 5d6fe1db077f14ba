"""The office's reports: one statement each, restricted by `visible` to what the user may see.

Staff get their own records only; coordinators and admins every record. The
report pages and their CSV files run the same statement, so a download holds
exactly the rows the page shows.
"""

from collections import namedtuple

import sqlalchemy as sa

from tracker.auth.permissions import visible, visible_in_project
from tracker.erasmus.actions import Action
from tracker.erasmus.budget_rules import THIRD_COUNTRIES_NOT_ASSOCIATED
from tracker.erasmus.models import DestinationGroupMember, UnitCostYear
from tracker.erasmus.shipped_unit_costs import HOME_AGENCY
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority, mobility_priorities, project_priorities
from tracker.projects.models import Project
from tracker.projects.organised_bips import support_per_project
from tracker.records.mobility_columns import selected_for
from tracker.reports.dashboard_queries import ZERO, Scope
from tracker.reports.figure_cache import Figures
from tracker.reports.report_columns import PROJECT_MOBILITY_COLUMNS
from tracker.workflow.states import NOT_COMMITTED, Status

MOBILITY_REPORT_ACTIONS = (Action.KA131_HED, Action.KA171_HED)
"""The projects whose mobilities the office reports to the National Agency."""


REPORTED_STATUSES = (Status.APPROVED, Status.ONGOING, Status.COMPLETED)
"""What the National Agency is told about: decided mobilities, not drafts or requests."""


def _in_mobility_report():
    """The mobilities a project's mobility report holds: approved, ongoing and completed."""
    return Mobility.status.in_(REPORTED_STATUSES)


def _year(column, call_year):
    return [column == call_year] if call_year else []


PriorityRow = namedtuple("PriorityRow", "Priority projects requested awarded mobilities grants")


def priorities_report(user, call_year=None):
    """Per priority: projects, their requested and awarded budget, mobilities and their grants.

    Rows (priority, projects, requested, awarded, mobilities, grants); every priority,
    zero where no visible record addresses it. The sums are kept until the data changes
    (figure_cache.py): they read every priority link of every mobility.
    """
    sums = Figures().get(_priority_sums, Scope(call_year=call_year, visible_to=user))
    priorities = {p.id: p for p in db.session.scalars(sa.select(Priority))}
    return [PriorityRow(priorities[priority_id], *figures) for priority_id, *figures in sums]


def _priority_sums(scope):
    """Rows (priority id, projects, requested, awarded, mobilities, grants) of plain values,
    in the priorities' order."""
    user, call_year = scope.visible_to, scope.call_year
    projects = visible(
        user,
        Project,
        sa.select(
            project_priorities.c.priority_id,
            sa.func.count().label("n"),
            sa.func.coalesce(sa.func.sum(Project.requested_amount), ZERO).label("requested"),
            sa.func.coalesce(sa.func.sum(Project.awarded_amount), ZERO).label("awarded"),
        )
        .join(Project, Project.id == project_priorities.c.project_id)
        .where(*_year(Project.call_year, call_year))
        .group_by(project_priorities.c.priority_id),
    ).subquery()
    mobilities = visible(
        user,
        Mobility,
        sa.select(
            mobility_priorities.c.priority_id,
            sa.func.count().label("n"),
            sa.func.coalesce(sa.func.sum(Mobility.grant_amount), ZERO).label("grants"),
        )
        .join(Mobility, Mobility.id == mobility_priorities.c.mobility_id)
        .outerjoin(Project, Mobility.project)
        .where(*_year(Project.call_year, call_year), Mobility.status.not_in(NOT_COMMITTED))
        .group_by(mobility_priorities.c.priority_id),
    ).subquery()
    rows = db.session.execute(
        sa.select(
            Priority.id,
            sa.func.coalesce(projects.c.n, 0).label("projects"),
            sa.func.coalesce(projects.c.requested, ZERO).label("requested"),
            sa.func.coalesce(projects.c.awarded, ZERO).label("awarded"),
            sa.func.coalesce(mobilities.c.n, 0).label("mobilities"),
            sa.func.coalesce(mobilities.c.grants, ZERO).label("grants"),
        )
        .outerjoin(projects, projects.c.priority_id == Priority.id)
        .outerjoin(mobilities, mobilities.c.priority_id == Priority.id)
        .order_by(Priority.position)
    )
    return [tuple(row) for row in rows]


def project_mobilities(user, project):
    """The select behind a KA131/KA171 project's mobility report (streamed by the CSV).

    The columns the office copies into its final report to the National Agency;
    only approved, ongoing and completed mobilities. The office and the project's
    owner see every one; anyone else only their own. The destination group is the
    partner country's in the project's call year.
    """
    destination_group = (
        sa.select(DestinationGroupMember.destination_group)
        .join(DestinationGroupMember.year)
        .where(
            UnitCostYear.national_agency == HOME_AGENCY,
            UnitCostYear.call_year == project.call_year,
            DestinationGroupMember.country == Organisation.country,
        )
        .scalar_subquery()
    )
    selected = selected_for(PROJECT_MOBILITY_COLUMNS, destination_group=destination_group)
    query = (
        sa.select(Mobility.id, *selected, Mobility.grant_override_total)
        .select_from(Mobility)
        .outerjoin(Organisation, Mobility.organisation)
        .where(Mobility.project_id == project.id, _in_mobility_report())
        .order_by(Mobility.start_date.nulls_last(), Mobility.participant_name, Mobility.id)
    )
    return visible_in_project(user, project, Mobility, query)


def _committed_per_project(*conditions):
    """Per project that `conditions` (on Project) choose: its committed grants, and the part
    of them that went to third countries not associated: one pass over its mobilities."""
    grant = Mobility.grant_amount
    third_country = Organisation.country.in_(THIRD_COUNTRIES_NOT_ASSOCIATED)
    return (
        sa.select(
            Mobility.project_id,
            sa.func.sum(grant).label("amount"),
            sa.func.sum(sa.case((third_country, grant))).label("third_countries"),
        )
        .join(Project, Mobility.project)
        .outerjoin(Organisation, Mobility.organisation)
        .where(Mobility.status.not_in(NOT_COMMITTED), *conditions)
        .group_by(Mobility.project_id)
        .subquery()
    )


def budget_report(user, call_year=None):
    """The rows of `budget_report_select` (the CSV)."""
    return db.session.execute(budget_report_select(user, call_year)).all()


def _budget_projects(call_year, action):
    """The budget report's projects: a call year's (or all), one action's (or all)."""
    return [*_year(Project.call_year, call_year), *([Project.action == action] if action else [])]


def budget_report_count(user, call_year=None):
    """How many rows `budget_report_select` holds, counted on the projects alone."""
    query = (
        sa.select(sa.func.count()).select_from(Project).where(*_budget_projects(call_year, None))
    )
    return visible(user, Project, query)


def budget_report_select(user, call_year=None, action=None):
    """Per action and project: requested, awarded, committed in mobilities, the organisational
    support of the blended intensive programmes we organise, remaining; and what went to
    mobility with third countries not associated (KA131 caps it).

    The action's totals come from window functions over the same rows, so the
    page needs no second pass, and a page of the rows still shows its actions' totals.
    Committed counts all the project's mobilities that are not rejected, withdrawn or
    cancelled; only the mobilities of the chosen call year's (and action's) projects are summed.
    """
    projects = _budget_projects(call_year, action)
    committed = _committed_per_project(*projects)
    bips = support_per_project()
    committed_amount = sa.func.coalesce(committed.c.amount, ZERO)
    bip_support = sa.func.coalesce(bips.c.support, ZERO)
    per_action = {"partition_by": Project.action}
    query = (
        sa.select(
            Project.action,
            Project.id,
            Project.title,
            Project.acronym,
            Project.call_year,
            Project.status,
            Project.requested_amount.label("requested"),
            Project.awarded_amount.label("awarded"),
            committed_amount.label("committed"),
            bip_support.label("bip_support"),
            sa.func.coalesce(bips.c.programmes, 0).label("bip_programmes"),
            sa.func.coalesce(bips.c.without_figures, 0).label("bip_without_figures"),
            sa.func.coalesce(committed.c.third_countries, ZERO).label("third_countries"),
            (Project.awarded_amount - committed_amount - bip_support).label("remaining"),
            sa.func.sum(Project.requested_amount).over(**per_action).label("action_requested"),
            sa.func.sum(Project.awarded_amount).over(**per_action).label("action_awarded"),
            sa.func.sum(committed_amount).over(**per_action).label("action_committed"),
            sa.func.sum(bip_support).over(**per_action).label("action_bip_support"),
            sa.func.count().over(**per_action).label("action_projects"),
        )
        .outerjoin(committed, committed.c.project_id == Project.id)
        .outerjoin(bips, bips.c.project_id == Project.id)
        .where(*projects)
        .order_by(Project.action, Project.call_year.desc(), Project.title, Project.id)
    )
    return visible(user, Project, query)


def report_call_years(user):
    """The call years of the projects `user` may see, newest first (the reports' filter)."""
    query = sa.select(Project.call_year).distinct().order_by(Project.call_year.desc())
    return db.session.scalars(visible(user, Project, query)).all()


def mobility_report_projects(user):
    """The KA131 and KA171 projects `user` may see, newest call first (the reports' index).

    A select of rows (Project, reported), to be paged: `reported` is the number of rows
    the project's mobility report holds (counted per project on the page, in the index on
    mobilities' project and status), by the report's own condition: a user
    sees only the projects they own (or, in the office, all), and every mobility of those.
    """
    reported = (
        sa.select(sa.func.count())
        .where(Mobility.project_id == Project.id, _in_mobility_report())
        .scalar_subquery()
    )
    query = (
        sa.select(Project, reported)
        .where(Project.action.in_(MOBILITY_REPORT_ACTIONS))
        .order_by(Project.call_year.desc(), Project.title, Project.id)
    )
    return visible(user, Project, query)


def mobility_report_project_count(user):
    """How many rows `mobility_report_projects` holds, counted on the projects alone."""
    query = (
        sa.select(sa.func.count())
        .select_from(Project)
        .where(Project.action.in_(MOBILITY_REPORT_ACTIONS))
    )
    return visible(user, Project, query)
