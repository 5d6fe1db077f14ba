"""The KA171 figures: planned against used mobilities, allocated against committed budget.

One statement each, per project and partner, for the projects in a `Scope` (or the first
few of them: the dashboard shows ten, and links to the list of all).
"""

import sqlalchemy as sa

from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.projects.models import PlannedMobility, Project, ProjectPartner
from tracker.reports.dashboard_queries import ZERO
from tracker.workflow.states import NOT_COMMITTED


def _ka171_projects(scope, first=None):
    """Conditions for the KA171 projects in `scope`; `first`: only that many (lowest ids)."""
    conditions = [Project.action == Action.KA171_HED, *scope.projects()]
    if first is None:
        return conditions
    firsts = sa.select(Project.id).where(*conditions).order_by(Project.id).limit(first)
    return [*conditions, Project.id.in_(firsts.scalar_subquery())]


def ka171_project_count(scope):
    return db.session.scalar(sa.select(sa.func.count(Project.id)).where(*_ka171_projects(scope)))


def ka171_planned_vs_used(scope, first=None):
    """Per KA171 project, partner, activity type and flow: places planned and used.

    Used: the project's mobilities with that partner, activity and flow, not
    rejected, withdrawn or cancelled. A combination used but never planned shows
    with 0 planned, so an overrun is seen. Rows (project_id, project, organisation_id,
    partner, activity_type, flow, planned, used).
    """
    planned = (
        sa.select(
            ProjectPartner.project_id,
            ProjectPartner.organisation_id,
            PlannedMobility.activity_type,
            PlannedMobility.flow,
            sa.func.sum(PlannedMobility.planned).label("n"),
        )
        .join(ProjectPartner, PlannedMobility.partner)
        .join(Project, ProjectPartner.project)
        .where(*_ka171_projects(scope, first))
        .group_by(
            ProjectPartner.project_id,
            ProjectPartner.organisation_id,
            PlannedMobility.activity_type,
            PlannedMobility.flow,
        )
        .cte("planned")
    )
    used = (
        sa.select(
            Mobility.project_id,
            Mobility.organisation_id,
            Mobility.activity_type,
            Mobility.flow,
            sa.func.count().label("n"),
        )
        .join(Project, Mobility.project)
        .where(*_ka171_projects(scope, first), Mobility.status.not_in(NOT_COMMITTED))
        .where(Mobility.organisation_id.is_not(None))
        .group_by(
            Mobility.project_id, Mobility.organisation_id, Mobility.activity_type, Mobility.flow
        )
        .cte("used")
    )
    key_columns = ("project_id", "organisation_id", "activity_type", "flow")
    keys = sa.union(
        sa.select(*(planned.c[name] for name in key_columns)),
        sa.select(*(used.c[name] for name in key_columns)),
    ).subquery("keys")

    def matches(other):
        return sa.and_(*(other.c[name] == keys.c[name] for name in key_columns))

    return db.session.execute(
        sa.select(
            keys.c.project_id,
            sa.func.coalesce(Project.acronym, Project.title).label("project"),
            keys.c.organisation_id,
            Organisation.name.label("partner"),
            Organisation.country,
            keys.c.activity_type,
            keys.c.flow,
            sa.func.coalesce(planned.c.n, 0).label("planned"),
            sa.func.coalesce(used.c.n, 0).label("used"),
        )
        .join(Project, Project.id == keys.c.project_id)
        .join(Organisation, Organisation.id == keys.c.organisation_id)
        .outerjoin(planned, matches(planned))
        .outerjoin(used, matches(used))
        .order_by(Project.id, Organisation.name, keys.c.activity_type, keys.c.flow)
    ).all()


def ka171_partner_budgets(scope, first=None):
    """Per KA171 project and partner: budget allocated and committed in mobilities.

    Rows (project_id, project, organisation_id, partner, allocated, committed). The
    committed sums are taken over the chosen projects' mobilities only, not every one.
    """
    committed = (
        sa.select(
            Mobility.project_id,
            Mobility.organisation_id,
            sa.func.sum(Mobility.grant_amount).label("amount"),
        )
        .join(Project, Mobility.project)
        .where(*_ka171_projects(scope, first), Mobility.status.not_in(NOT_COMMITTED))
        .group_by(Mobility.project_id, Mobility.organisation_id)
        .subquery()
    )
    return db.session.execute(
        sa.select(
            Project.id.label("project_id"),
            sa.func.coalesce(Project.acronym, Project.title).label("project"),
            Organisation.id.label("organisation_id"),
            Organisation.name.label("partner"),
            ProjectPartner.budget.label("allocated"),
            sa.func.coalesce(committed.c.amount, ZERO).label("committed"),
        )
        .select_from(ProjectPartner)
        .join(Project, ProjectPartner.project)
        .join(Organisation, ProjectPartner.organisation)
        .outerjoin(
            committed,
            sa.and_(
                committed.c.project_id == ProjectPartner.project_id,
                committed.c.organisation_id == ProjectPartner.organisation_id,
            ),
        )
        .where(*_ka171_projects(scope, first))
        .order_by(Project.id, Organisation.name)
    ).all()
