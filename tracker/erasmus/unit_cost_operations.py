"""Changing the unit costs: every change leaves a UnitCostChange row (who, when, why).

Operations flush; the view commits once.
"""

from tracker.erasmus.models import UnitCostChange, UnitCostChangeKind, UnitCostRate, UnitCostYear
from tracker.extensions import db


def add_call_year(call_year, copy_from, sources, reason, user):
    """A new call year starting from a copy of `copy_from`'s figures."""
    year = UnitCostYear(call_year=call_year, sources=sources, created_by=user)
    year.rates = [
        UnitCostRate(key=key, amount=amount) for key, amount in copy_from.figures().items()
    ]
    db.session.add(year)
    db.session.flush()
    db.session.add(
        UnitCostChange(
            year_id=year.id, kind=UnitCostChangeKind.YEAR_ADDED, reason=reason, user_id=user.id
        )
    )
    db.session.flush()
    return year


def correct_rate(rate, amount, reason, user):
    old = rate.amount
    rate.amount = amount
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
    return rate
