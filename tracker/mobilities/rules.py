"""What the programme allows a mobility, as data: lengths per activity, blended activities,
which mobilities each action funds.

Source: Erasmus+ Programme Guide, Part B, mobility projects for higher education
students and staff; see ../shared/erasmus-rules.md. The form, the completeness check
and the grant calculation read these rules; nothing else spells them.
"""

from flask_babel import lazy_gettext as _l

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import region_of
from tracker.erasmus.mobility_types import ActivityType, Flow
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

NO_INCOMING_FOR_KA131 = _l("KA131 does not fund incoming mobility.")


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
