"""Blended intensive programmes we organise under a KA131 project, and their organisational
support: per mobile participant (teaching staff not counted), up to a cap per programme,
for a programme of at least 15 such participants; the figures are those of the project's
call year. The support is computed here, in SQL, for the project's page and the budget
report alike.

Operations flush; the view commits once.
"""

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from tracker.column_types import MONEY
from tracker.erasmus import unit_cost_figures as f
from tracker.erasmus.models import UnitCostRate, UnitCostYear
from tracker.erasmus.shipped_unit_costs import HOME_AGENCY
from tracker.extensions import db
from tracker.projects.models import OrganisedBip, Project
from tracker.records.history import log_edit

MIN_PARTICIPANTS = 15
"""Fewer mobile participants: no organisational support."""


def support_select():
    """One row per organised programme: (id, project_id, support). Support is NULL when the
    call year lacks one of the two figures, 0 below MIN_PARTICIPANTS."""
    per_participant, maximum = aliased(UnitCostRate), aliased(UnitCostRate)
    computed = OrganisedBip.participants * per_participant.amount
    support = sa.case(
        (OrganisedBip.participants < MIN_PARTICIPANTS, sa.cast(0, MONEY)),
        (computed > maximum.amount, maximum.amount),
        else_=computed,
    )
    return (
        sa.select(
            OrganisedBip.id, OrganisedBip.project_id, sa.cast(support, MONEY).label("support")
        )
        .join(Project, OrganisedBip.project)
        .outerjoin(
            UnitCostYear,
            sa.and_(
                UnitCostYear.call_year == Project.call_year,
                UnitCostYear.national_agency == HOME_AGENCY,
            ),
        )
        .outerjoin(
            per_participant,
            sa.and_(
                per_participant.year_id == UnitCostYear.id,
                per_participant.key == f.BIP_SUPPORT_PER_PARTICIPANT,
            ),
        )
        .outerjoin(
            maximum,
            sa.and_(maximum.year_id == UnitCostYear.id, maximum.key == f.BIP_SUPPORT_MAX),
        )
    )


def support_per_project():
    """Subquery: project_id, total support of its programmes, how many programmes, and how
    many lack a figure (so that a total is never shown as complete when it is not)."""
    rows = support_select().subquery()
    return (
        sa.select(
            rows.c.project_id,
            sa.cast(sa.func.sum(rows.c.support), MONEY).label("support"),
            sa.func.count().label("programmes"),
            sa.func.count().filter(rows.c.support.is_(None)).label("without_figures"),
        )
        .group_by(rows.c.project_id)
        .subquery()
    )


def organised_bips_of(project):
    """The project's programmes with their support: [(OrganisedBip, support or None)]."""
    support = support_select().where(OrganisedBip.project_id == project.id).subquery()
    return db.session.execute(
        sa.select(OrganisedBip, support.c.support)
        .join(support, support.c.id == OrganisedBip.id)
        .order_by(OrganisedBip.start_date, OrganisedBip.id)
    ).all()


def _text(project):
    return (
        "; ".join(
            f"{bip.title} ({bip.start_date.isoformat()}–{bip.end_date.isoformat()}, "
            f"{bip.participants})"
            for bip in project.organised_bips
        )
        or None
    )


def add_organised_bip(project, form, user):
    before = _text(project)
    bip = OrganisedBip(
        title=form.title.data,
        start_date=form.start_date.data,
        end_date=form.end_date.data,
        participants=form.participants.data,
    )
    project.organised_bips.append(bip)
    db.session.flush()
    log_edit(project, user, {"organised_bips": before}, {"organised_bips": _text(project)})
    return bip


def remove_organised_bip(project, bip, user):
    before = _text(project)
    project.organised_bips.remove(bip)
    db.session.flush()
    log_edit(project, user, {"organised_bips": before}, {"organised_bips": _text(project)})
