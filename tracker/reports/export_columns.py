"""The columns of the project and mobility list exports: what each CSV column means.

Each is (header, value of a row); the rows are the list's ORM objects, loaded by
the list's own filtered select with the owner (and for mobilities the project and
partner) joined in, so reading them costs no query per row.
"""

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from tracker.erasmus.countries import country_name
from tracker.erasmus.destination_groups import group_for
from tracker.records.csv_export import Column, column


def _duration(record):
    return record.duration_days


def _country(mobility):
    organisation = mobility.organisation
    return country_name(organisation.country, get_locale() or "en") if organisation else None


def _destination_group(mobility):
    """The partner country's group in the funding project's call year."""
    if mobility.project is None or mobility.organisation is None:
        return None
    return group_for(mobility.project.call_year, mobility.organisation.country)


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

MOBILITY_COLUMNS = (
    column(_l("Participant"), "participant_name"),
    column(_l("E-mail"), "participant_email"),
    column(_l("Participant kind"), "participant_kind"),
    Column(_l("Activity code"), lambda mobility: mobility.activity_type.value),
    column(_l("Activity"), "activity_type"),
    column(_l("Flow"), "flow"),
    Column(_l("Partner"), lambda m: m.organisation.name if m.organisation else None),
    Column(_l("Erasmus code"), lambda m: m.organisation.erasmus_code if m.organisation else None),
    Column(_l("Country"), _country),
    Column(_l("Destination group"), _destination_group),
    Column(_l("Project"), lambda m: str(m.project) if m.project else None),
    Column(_l("Call year"), lambda m: m.project.call_year if m.project else None),
    column(_l("Start date"), "start_date"),
    column(_l("End date"), "end_date"),
    Column(_l("Duration (days)"), _duration),
    column(_l("Distance band"), "distance_band"),
    column(_l("Green travel"), "green_travel"),
    column(_l("Fewer opportunities"), "fewer_opportunities"),
    column(_l("Individual support (EUR)"), "grant_individual"),
    column(_l("Travel (EUR)"), "grant_travel"),
    column(_l("Top-ups (EUR)"), "grant_top_ups"),
    column(_l("Calculated total (EUR)"), "grant_total"),
    column(_l("Grant (EUR)"), "grant_amount"),
    column(_l("Status"), "status"),
    Column(_l("Owner"), lambda mobility: mobility.owner.full_name),
    column(_l("Faculty"), "faculty"),
)
