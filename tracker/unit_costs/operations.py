"""Changing the unit costs: every change leaves a UnitCostChange row (who, when, why), and the
open mobilities of the call year are recalculated in the same transaction.

Operations flush; the view commits once.
"""

from flask_babel import gettext as _

from tracker.erasmus.models import (
    DestinationGroupMember,
    UnitCostChange,
    UnitCostChangeKind,
    UnitCostRate,
    UnitCostYear,
)
from tracker.erasmus.unit_cost_figures import figure_label
from tracker.extensions import db
from tracker.mobilities.grant_types import eur
from tracker.mobilities.recalculation import recalculate_call_year


def add_call_year(call_year, copy_from, sources, reason, user):
    """A new call year starting from a copy of `copy_from`'s figures and destination groups.

    Every copied amount is marked as carried over from `copy_from` until someone confirms
    or corrects it; a missing figure stays missing. Returns (year, mobilities recalculated).
    """
    year = UnitCostYear(
        national_agency=copy_from.national_agency,
        call_year=call_year,
        sources=sources,
        created_by=user,
    )
    year.rates = [
        UnitCostRate(
            key=rate.key,
            amount=rate.amount,
            source=rate.source,
            carried_over_from=None if rate.amount is None else copy_from.call_year,
        )
        for rate in copy_from.rates
    ]
    year.groups = [
        DestinationGroupMember(country=member.country, destination_group=member.destination_group)
        for member in copy_from.groups
    ]
    db.session.add(year)
    db.session.flush()
    db.session.add(
        UnitCostChange(
            year_id=year.id, kind=UnitCostChangeKind.YEAR_ADDED, reason=reason, user_id=user.id
        )
    )
    db.session.flush()
    comment = _("Unit costs of call year %(year)s added: %(reason)s", year=call_year, reason=reason)
    return year, recalculate_call_year(call_year, user, comment)


def correct_rate(rate, amount, source, reason, user):
    """Enter a missing figure, or correct or confirm one; returns the mobilities recalculated.

    The figure is then no longer carried over: a person vouched for it.
    """
    old = rate.amount
    rate.amount = amount
    rate.source = source
    rate.carried_over_from = None
    db.session.add(
        UnitCostChange(
            year_id=rate.year_id,
            rate=rate,
            kind=UnitCostChangeKind.RATE_CORRECTED,
            old_amount=old,
            new_amount=amount,
            reason=reason,
            user_id=user.id,
        )
    )
    db.session.flush()
    comment = _(
        "Unit costs of call year %(year)s: %(figure)s %(old)s → %(new)s. %(reason)s",
        year=rate.year.call_year,
        figure=figure_label(rate.key),
        old=_("missing") if old is None else eur(old),
        new=eur(amount),
        reason=reason,
    )
    return recalculate_call_year(rate.year.call_year, user, comment)
