"""Stored grants follow the unit costs: recalculated when a figure is entered or corrected.

A mobility keeps the grant calculated when it was last saved. When the office enters
or corrects a figure of a call year, every open mobility of that year (not completed,
cancelled, rejected or withdrawn) is recalculated in the same transaction as the
change, each changed grant with an entry in its history. A completed mobility keeps
the grant it was completed with unless a coordinator recalculates it on purpose.

Operations flush nothing themselves beyond the session's own; the caller commits once.
"""

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, joinedload

from tracker.extensions import db
from tracker.mobilities.grant_inputs import calculate, inputs_from_mobility
from tracker.mobilities.models import Mobility
from tracker.projects.models import Project
from tracker.records.history import differences, log_history, snapshot
from tracker.workflow.models import HistoryKind
from tracker.workflow.states import FINAL_STATUSES

GRANT_FIELDS = ("grant_individual", "grant_travel", "grant_top_ups", "grant_total")


def store_grant(mobility, result):
    """Put a calculation's result on the mobility (the grant, or what it waits for)."""
    for name, value in result.parts.items():
        setattr(mobility, name, value)


def recalculate(mobility, user, comment, tables=None):
    """Recalculate one mobility's grant; True when it changed (and its history says so).

    `user` is whoever changed the unit costs (None: a command run by the system);
    `comment` says why.
    """
    before = snapshot(mobility, GRANT_FIELDS)
    store_grant(mobility, calculate(inputs_from_mobility(mobility), tables))
    changes = differences(before, snapshot(mobility, GRANT_FIELDS))
    if not changes:
        return False
    log_history(mobility, user, HistoryKind.GRANT_RECALCULATED, changes=changes, comment=comment)
    return True


def open_mobilities_of(call_year):
    """The call year's mobilities whose grant still follows the unit costs, with what the
    calculation reads (project, partner) loaded in the same statement."""
    return db.session.scalars(
        sa.select(Mobility)
        .join(Mobility.project)
        .options(contains_eager(Mobility.project), joinedload(Mobility.organisation))
        .where(Project.call_year == call_year, Mobility.status.not_in(FINAL_STATUSES))
        .order_by(Mobility.id)
    ).all()


def recalculate_call_year(call_year, user, comment):
    """Recalculate every open mobility of `call_year`; return how many grants changed."""
    tables = {}
    changed = sum(
        recalculate(mobility, user, comment, tables) for mobility in open_mobilities_of(call_year)
    )
    db.session.flush()
    return changed


def funding_call_years():
    """The call years of the projects that have mobilities, oldest first."""
    return db.session.scalars(
        sa.select(Project.call_year)
        .join(Mobility, Mobility.project_id == Project.id)
        .distinct()
        .order_by(Project.call_year)
    ).all()
