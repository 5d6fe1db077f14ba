"""What the programme allows a mobility, as data: lengths and how days count, travel days,
the shape of the rates, which mobilities each action funds.

Source: Erasmus+ Programme Guide, Part B, mobility projects for higher education
students and staff; see ../shared/erasmus-rules.md. The form, the completeness check,
the grant calculation and the model's duration read these rules; nothing else spells them.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import region_of
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.sql_dates import days_between
from tracker.workflow.states import Status

LONG_TERM = (60, 366)
"""Students 2-12 months."""
SHORT_TERM = (5, 30)
STAFF = (2, 60)
"""Travel days excluded."""

ALLOWED_DAYS = {
    ActivityType.SMS: (LONG_TERM,),
    ActivityType.SMT: (SHORT_TERM, LONG_TERM),
    ActivityType.STA: (STAFF,),
    ActivityType.STT: (STAFF,),
    ActivityType.BIP: (SHORT_TERM,),
    ActivityType.SHORT_DOCTORAL: (SHORT_TERM,),
}
"""Allowed physical durations in days per activity (any one of the ranges), both the first
and the last day counted (`days_counted`)."""

BLENDED_ACTIVITIES = frozenset({ActivityType.BIP, ActivityType.SHORT_DOCTORAL})
"""Only these may have a virtual component (blended mobility)."""

FUNDING_STATUSES = (Status.APPROVED, Status.ONGOING)
"""A project funds mobilities once approved, until it ends."""

FUNDING_ACTIONS = tuple(Action.funding_mobilities())

STAFF_TRAVEL_DAYS = 2
"""Staff: a travel day before the activity and one after."""
STAFF_GREEN_TRAVEL_DAYS = 6
STUDENT_GREEN_TRAVEL_DAYS = 4
"""Students travelling green without travel support."""
MAX_TRAVEL_DAYS = max(STAFF_TRAVEL_DAYS, STAFF_GREEN_TRAVEL_DAYS, STUDENT_GREEN_TRAVEL_DAYS)
"""The most travel days any mobility may fund (the form's and the database's limit)."""

FULL_RATE_DAYS = 14
"""Per-day rates (staff, short-term students) drop from day 15 on."""
STAFF_REDUCED_SHARE = Decimal("0.7")
"""Staff from day 15: 70 % of the day rate."""
DAYS_PER_MONTH = 30
"""Days beyond whole months are paid at a month's rate / 30."""

NO_INCOMING_FOR_KA131 = _l("KA131 does not fund incoming mobility.")


def days_counted(start: date, end: date) -> int:
    """The days of a mobility: both the first and the last day count (1 to 1 March: 1 day)."""
    return (end - start).days + 1


def days_counted_sql(start, end):
    """`days_counted` in SQL, for the same figure in a query (NULL when a date is missing)."""
    return days_between(start, end) + 1


def whole_months_and_days(start: date, end: date) -> tuple[int, int]:
    """Whole calendar months from the start date, then the days left over (both dates count).

    1 September to 31 January is 5 months; 1 September to 10 February is 5 months
    and 10 days. A month runs to the day before the same day of the next month
    (that month's last day when it is shorter).
    """
    months = 0
    while _add_months(start, months + 1) - timedelta(days=1) <= end:
        months += 1
    return months, days_counted(_add_months(start, months), end)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_short_term(activity: ActivityType, days: int) -> bool:
    """A student's stay of 5-30 days (doctoral, or the physical part of a BIP)."""
    return activity in (ActivityType.BIP, ActivityType.SHORT_DOCTORAL) or days <= SHORT_TERM[1]


def funded_travel_days(participant: ParticipantKind, green_travel: bool, entered: int) -> int:
    """The travel days the grant funds of those entered: staff up to 2, 6 with green travel;
    a student travelling green (without travel support) up to 4; no one else any."""
    if participant is ParticipantKind.STAFF:
        allowed = STAFF_GREEN_TRAVEL_DAYS if green_travel else STAFF_TRAVEL_DAYS
    else:
        allowed = STUDENT_GREEN_TRAVEL_DAYS if green_travel else 0
    return min(entered, allowed)


def action_funds_flow(action: Action, flow: Flow) -> bool:
    """KA131 funds outgoing mobility only; KA171 both ways."""
    return not (action is Action.KA131_HED and flow is Flow.INCOMING)


def ka171_funds_country(country: str) -> bool:
    """KA171 works with third countries not associated to the programme, regions 1 to 12."""
    region = region_of(country)
    return region is not None and region.funded_by_ka171


def outside_ka171_partnership(project, organisation_id) -> bool:
    """A KA171 mobility goes to or comes from one of its project's partners; True when the
    chosen organisation is not one. Projects of other actions have no such rule."""
    if project is None or project.action is not Action.KA171_HED or not organisation_id:
        return False
    return organisation_id not in {partner.organisation_id for partner in project.partners}


def duration_allowed(activity: ActivityType, days: int) -> bool:
    return any(low <= days <= high for low, high in ALLOWED_DAYS[activity])


def allowed_days_text(activity: ActivityType) -> str:
    """'5–30 or 60–366': the ranges as a person reads them."""
    return " / ".join(f"{low}–{high}" for low, high in ALLOWED_DAYS[activity])
