"""What the programme allows a mobility, as data: lengths per activity, blended activities.

Source: Erasmus+ Programme Guide, Part B, mobility projects for higher education
students and staff; see ../shared/erasmus-rules.md. Forms and checks read these
tables; nothing else spells them.
"""

from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType
from tracker.workflow.states import Status

LONG_TERM = (60, 366)
"""Students 2-12 months; both the first and the last day count."""
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
"""Allowed physical durations in days per activity (any one of the ranges)."""

BLENDED_ACTIVITIES = frozenset({ActivityType.BIP, ActivityType.SHORT_DOCTORAL})
"""Only these may have a virtual component (blended mobility)."""

FUNDING_STATUSES = (Status.APPROVED, Status.ONGOING)
"""A project funds mobilities once approved, until it ends."""

FUNDING_ACTIONS = tuple(Action.funding_mobilities())

MAX_TRAVEL_DAYS = 6


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
