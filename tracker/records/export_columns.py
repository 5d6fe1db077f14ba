"""The columns of the project and mobility list exports: what each CSV column means.

Each is (header, value of a row). The project export's rows are the list's ORM objects
with their owners joined in; the mobility export's are plain rows of
MOBILITY_EXPORT_COLUMNS, selected by the list's own filtered select: no query per row.
The mobility columns are those of mobility_columns.py, shared with the office's report.
"""

from flask_babel import lazy_gettext as _l

from tracker.records.csv_export import Column, column
from tracker.records.mobility_columns import STAY_AND_GRANT, mobility_columns, selected_for

PROJECT_COLUMNS = (
    column(_l("Title"), "title"),
    column(_l("Acronym"), "acronym"),
    Column(_l("Action"), lambda project: project.action.value),
    Column(_l("Key action"), lambda project: project.action.key_action.value),
    column(_l("Call year"), "call_year"),
    column(_l("Grant agreement number"), "grant_agreement_number"),
    column(_l("Status"), "status"),
    column(_l("Our role"), "our_role"),
    Column(_l("Owner"), lambda project: project.owner.full_name),
    column(_l("Faculty"), "faculty"),
    column(_l("Start date"), "start_date"),
    column(_l("End date"), "end_date"),
    column(_l("Requested (EUR)"), "requested_amount"),
    column(_l("Awarded (EUR)"), "awarded_amount"),
)
"""Priorities are left out: reading them per row would cost a query each."""

MOBILITY_COLUMNS = mobility_columns(
    "participant_name",
    "participant_email",
    "participant_kind",
    "activity_code",
    "activity_type",
    "flow",
    "partner",
    "erasmus_code",
    "country_name",
    "destination_group_of_call",
    "project",
    "call_year",
    *STAY_AND_GRANT,
    "owner",
    "faculty",
)
"""The mobility list's export: the list's joined tables, one plain row each (no ORM objects:
loading four entities per row cost more than writing the file)."""

MOBILITY_EXPORT_COLUMNS = selected_for(MOBILITY_COLUMNS)
"""What the mobility export selects, by the list's own filtered select."""
