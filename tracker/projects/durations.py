"""How long a project runs, counted as the Programme Guide counts it, and which lengths fit.

A project's length in months is the number of calendar months from its start
date to the day after its end date, a started month counting as a whole one:
2024-06-01 to 2026-07-31 is 26 months, 2024-06-15 to 2026-08-14 too, and
2024-06-01 to 2026-08-01 is 27 (one day into the 27th month).
"""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l


def project_months(start: date, end: date) -> int:
    """Months from `start` to `end` inclusive; a part month counts as a month."""
    after_end = end + timedelta(days=1)
    months = (after_end.year - start.year) * 12 + (after_end.month - start.month)
    if after_end.day > start.day:
        months += 1
    return months


def allowed_lengths_text(rules):
    """The lengths an action allows, in words: "24 or 36 months", "12 to 36 months"."""
    if rules.allowed_months:
        *first, last = rules.allowed_months
        if first:
            return _l(
                "%(lengths)s or %(last)d months",
                lengths=", ".join(str(months) for months in first),
                last=last,
            )
        return _l("%(n)d months", n=last)
    if rules.min_months == rules.max_months:
        return _l("%(n)d months", n=rules.min_months)
    if rules.max_months is None:
        return _l("at least %(n)d months", n=rules.min_months)
    if rules.min_months is None:
        return _l("at most %(n)d months", n=rules.max_months)
    return _l("%(min)d to %(max)d months", min=rules.min_months, max=rules.max_months)


def length_allowed(rules, months):
    if rules.allowed_months:
        return months in rules.allowed_months
    if rules.min_months is not None and months < rules.min_months:
        return False
    return rules.max_months is None or months <= rules.max_months


def duration_problem(action, start, end):
    """Why a project of `action` cannot run from `start` to `end`; None when it can."""
    if end < start:
        return _l("The end date is before the start date.")
    rules = action.rules
    months = project_months(start, end)
    if length_allowed(rules, months):
        return None
    return _l(
        "This project would run %(months)d months; %(action)s projects run %(allowed)s.",
        months=months,
        action=action.value,
        allowed=allowed_lengths_text(rules),
    )
