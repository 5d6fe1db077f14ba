"""The columns of the project and mobility list exports: what each CSV column means.

Each is (header, value of a row). The project export's rows are the list's ORM objects
with their owners joined in; the mobility export's are plain rows of
MOBILITY_EXPORT_COLUMNS, selected by the list's own filtered select: no query per row.
"""

from operator import attrgetter

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from tracker.auth.models import User
from tracker.erasmus.countries import country_name
from tracker.erasmus.destination_groups import group_for
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.projects.models import Project
from tracker.records.csv_export import Column, column


def _duration(record):
    return record.duration_days


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

MOBILITY_EXPORT_COLUMNS = (
    Mobility.participant_name,
    Mobility.participant_email,
    Mobility.participant_kind,
    Mobility.activity_type,
    Mobility.flow,
    Organisation.name.label("partner"),
    Organisation.erasmus_code,
    Organisation.country,
    sa.func.coalesce(Project.acronym, Project.title).label("project"),
    Project.call_year,
    Mobility.start_date,
    Mobility.end_date,
    Mobility.distance_band,
    Mobility.green_travel,
    Mobility.fewer_opportunities,
    Mobility.grant_individual,
    Mobility.grant_travel,
    Mobility.grant_top_ups,
    Mobility.grant_total,
    sa.func.coalesce(Mobility.grant_override_total, Mobility.grant_total).label("grant"),
    Mobility.status,
    User.full_name.label("owner"),
    Mobility.faculty,
)
"""What the mobility export selects: plain rows of the list's joined tables, no ORM objects
(loading four entities per row cost more than writing the file)."""


def _row_duration(row):
    """Both the first and the last day count (as Mobility.duration_days)."""
    if row.start_date is None or row.end_date is None:
        return None
    return (row.end_date - row.start_date).days + 1


def _row_country(row):
    return country_name(row.country, get_locale() or "en") if row.country else None


MOBILITY_COLUMNS = (
    column(_l("Participant"), "participant_name"),
    column(_l("E-mail"), "participant_email"),
    column(_l("Participant kind"), "participant_kind"),
    Column(_l("Activity code"), lambda row: row.activity_type.value),
    column(_l("Activity"), "activity_type"),
    column(_l("Flow"), "flow"),
    column(_l("Partner"), "partner"),
    column(_l("Erasmus code"), "erasmus_code"),
    Column(_l("Country"), _row_country, key=attrgetter("country")),
    Column(
        _l("Destination group"),
        lambda row: group_for(row.call_year, row.country),
        key=attrgetter("call_year", "country"),
    ),
    column(_l("Project"), "project"),
    column(_l("Call year"), "call_year"),
    column(_l("Start date"), "start_date"),
    column(_l("End date"), "end_date"),
    Column(_l("Duration (days)"), _row_duration),
    column(_l("Distance band"), "distance_band"),
    column(_l("Green travel"), "green_travel"),
    column(_l("Fewer opportunities"), "fewer_opportunities"),
    column(_l("Individual support (EUR)"), "grant_individual"),
    column(_l("Travel (EUR)"), "grant_travel"),
    column(_l("Top-ups (EUR)"), "grant_top_ups"),
    column(_l("Calculated total (EUR)"), "grant_total"),
    column(_l("Grant (EUR)"), "grant"),
    column(_l("Status"), "status"),
    column(_l("Owner"), "owner"),
    column(_l("Faculty"), "faculty"),
)
"""The mobility export's columns, over rows of MOBILITY_EXPORT_COLUMNS."""
