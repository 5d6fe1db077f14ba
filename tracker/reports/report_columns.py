"""The columns of the office reports' CSV files: header, and the value of a report row.

The mobility report's columns are the ones the office copies into its final
report to the National Agency (participant, activity, flow, partner, country,
dates, duration, distance band, green travel, grant parts).
"""

from flask_babel import lazy_gettext as _l

from tracker.erasmus.budget_rules import third_country_cap_use
from tracker.records.csv_export import Column, column
from tracker.records.mobility_columns import STAY_AND_GRANT, mobility_columns


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

PROJECT_MOBILITY_COLUMNS = mobility_columns(
    "participant_name",
    "participant_kind",
    "activity_code",
    "activity_type",
    "flow",
    "partner",
    "erasmus_code",
    "country",
    "country_name",
    "destination_group",
    *STAY_AND_GRANT,
)
