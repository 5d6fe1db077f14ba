"""What an organisation's country means for the programme, in words for its page."""

from typing import NamedTuple

from flask_babel import lazy_gettext as _l

from tracker.erasmus.countries import (
    ASSOCIATED_THIRD_COUNTRIES,
    EU_MEMBER_STATES,
    destination_group,
    region_of,
)


class Classification(NamedTuple):
    status: str
    grouping_label: str | None
    grouping: object
    """A DestinationGroup (member states, associated countries) or a Region, or None."""


def country_classification(code):
    """EU member state or associated third country with its KA131 destination group;
    otherwise a third country not associated with its region."""
    if code in EU_MEMBER_STATES:
        return Classification(
            _l("EU member state"), _l("KA131 destination group"), destination_group(code)
        )
    if code in ASSOCIATED_THIRD_COUNTRIES:
        return Classification(
            _l("Third country associated to the programme"),
            _l("KA131 destination group"),
            destination_group(code),
        )
    region = region_of(code)
    if region is not None:
        return Classification(
            _l("Third country not associated to the programme"), _l("Region"), region
        )
    return Classification(_l("Not a country the programme deals with"), None, None)
