"""What an organisation's country means for the programme, in words for its page."""

from typing import NamedTuple

from flask_babel import lazy_gettext as _l

from tracker.erasmus.countries import ASSOCIATED_THIRD_COUNTRIES, EU_MEMBER_STATES, region_of
from tracker.erasmus.destination_groups import group_periods


class Classification(NamedTuple):
    status: str
    region: object = None
    """A third country not associated: its Region."""
    group_periods: tuple = ()
    """A programme country: its KA131 destination group per call years (GroupPeriod)."""


def country_classification(code):
    """EU member state or associated third country with its KA131 destination group per call
    year; otherwise a third country not associated with its region."""
    if code in EU_MEMBER_STATES:
        return Classification(_l("EU member state"), group_periods=tuple(group_periods(code)))
    if code in ASSOCIATED_THIRD_COUNTRIES:
        return Classification(
            _l("Third country associated to the programme"),
            group_periods=tuple(group_periods(code)),
        )
    region = region_of(code)
    if region is not None:
        return Classification(_l("Third country not associated to the programme"), region)
    return Classification(_l("Not a country the programme deals with"))
