"""The columns of the office reports' CSV files: header, and the value of a report row.

The mobility report's columns are the ones the office copies into its final
report to the National Agency (participant, activity, flow, partner, country,
dates, duration, distance band, green travel, grant parts).
"""

from functools import lru_cache

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from tracker.erasmus.budget_rules import third_country_cap_use
from tracker.erasmus.countries import country_name
from tracker.records.csv_export import Column, column


@lru_cache(maxsize=512)
def _country_name(code, locale):
    return country_name(code, locale)


def _country(row):
    return _country_name(row.country, str(get_locale() or "en")) if row.country else None


def _cap(row):
    use = third_country_cap_use(row.action, row.awarded, row.third_countries)
    return use.cap if use else None


PRIORITY_COLUMNS = (
    Column(_l("Priority"), lambda row: row.Priority.name),
    column(_l("Projects"), "projects"),
    column(_l("Requested (EUR)"), "requested"),
    column(_l("Awarded (EUR)"), "awarded"),
    column(_l("Mobilities"), "mobilities"),
    column(_l("Mobility grants (EUR)"), "grants"),
)

BUDGET_COLUMNS = (
    Column(_l("Action"), lambda row: row.action.value),
    Column(_l("Key action"), lambda row: row.action.key_action.value),
    column(_l("Project"), "title"),
    column(_l("Acronym"), "acronym"),
    column(_l("Call year"), "call_year"),
    column(_l("Status"), "status"),
    column(_l("Requested (EUR)"), "requested"),
    column(_l("Awarded (EUR)"), "awarded"),
    column(_l("Committed in mobilities (EUR)"), "committed"),
    column(_l("BIP organisational support (EUR)"), "bip_support"),
    column(_l("Remaining (EUR)"), "remaining"),
    column(_l("Mobility with third countries not associated (EUR)"), "third_countries"),
    Column(_l("Cap for third countries not associated (EUR)"), lambda row: _cap(row)),
)

PROJECT_MOBILITY_COLUMNS = (
    column(_l("Participant"), "participant_name"),
    column(_l("Participant kind"), "participant_kind"),
    Column(_l("Activity code"), lambda row: row.activity_type.value),
    column(_l("Activity"), "activity_type"),
    column(_l("Flow"), "flow"),
    column(_l("Partner"), "partner"),
    column(_l("Erasmus code"), "erasmus_code"),
    column(_l("Country code"), "country"),
    Column(_l("Country"), _country),
    column(_l("Destination group"), "destination_group"),
    column(_l("Start date"), "start_date"),
    column(_l("End date"), "end_date"),
    column(_l("Duration (days)"), "duration_days"),
    column(_l("Distance band"), "distance_band"),
    column(_l("Green travel"), "green_travel"),
    column(_l("Fewer opportunities"), "fewer_opportunities"),
    column(_l("Individual support (EUR)"), "grant_individual"),
    column(_l("Travel (EUR)"), "grant_travel"),
    column(_l("Top-ups (EUR)"), "grant_top_ups"),
    column(_l("Calculated total (EUR)"), "grant_total"),
    column(_l("Grant (EUR)"), "grant"),
    column(_l("Status"), "status"),
)
