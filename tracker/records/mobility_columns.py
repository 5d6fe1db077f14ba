"""The mobility columns the exports share: the mobility list's file and a KA131/KA171
project's mobility report to the National Agency.

Each field is selected once (SELECTED, by the name its rows carry) and shown once
(COLUMNS: header and value), so both files name, select and write a field alike.
An export lists the names of its columns; `selected_for` gives the select's columns
they read.
"""

from functools import lru_cache

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from tracker.auth.models import User
from tracker.erasmus.countries import country_name
from tracker.erasmus.destination_groups import group_for
from tracker.mobilities.models import Mobility
from tracker.organisations.models import Organisation
from tracker.projects.models import Project
from tracker.records.csv_export import column, computed

SELECTED = {
    "participant_name": Mobility.participant_name,
    "participant_email": Mobility.participant_email,
    "participant_kind": Mobility.participant_kind,
    "activity_code": sa.type_coerce(Mobility.activity_type, sa.String),
    "activity_type": Mobility.activity_type,
    "flow": Mobility.flow,
    "partner": Organisation.name,
    "erasmus_code": Organisation.erasmus_code,
    "country": Organisation.country,
    "project": sa.func.coalesce(Project.acronym, Project.title),
    "call_year": Project.call_year,
    "start_date": Mobility.start_date,
    "end_date": Mobility.end_date,
    "duration_days": Mobility.duration_days,
    "distance_band": Mobility.distance_band,
    "green_travel": Mobility.green_travel,
    "fewer_opportunities": Mobility.fewer_opportunities,
    "grant_individual": Mobility.grant_individual,
    "grant_travel": Mobility.grant_travel,
    "grant_top_ups": Mobility.grant_top_ups,
    "grant_total": Mobility.grant_total,
    "grant": Mobility.grant_amount,
    "status": Mobility.status,
    "owner": User.full_name,
    "faculty": Mobility.faculty,
}
"""The mobility's own columns and its partner's, project's and owner's, by row name."""


def country_in_reader_language(code):
    return _country_name(code, str(get_locale() or "en")) if code else None


@lru_cache(maxsize=512)
def _country_name(code, locale):
    return country_name(code, locale)


COLUMNS = {
    "participant_name": column(_l("Participant"), "participant_name"),
    "participant_email": column(_l("E-mail"), "participant_email"),
    "participant_kind": column(_l("Participant kind"), "participant_kind"),
    "activity_code": column(_l("Activity code"), "activity_code"),
    "activity_type": column(_l("Activity"), "activity_type"),
    "flow": column(_l("Flow"), "flow"),
    "partner": column(_l("Partner"), "partner"),
    "erasmus_code": column(_l("Erasmus code"), "erasmus_code"),
    "country": column(_l("Country code"), "country"),
    "country_name": computed(
        _l("Country"), country_in_reader_language, "country", once_per_value=True
    ),
    "destination_group": column(_l("Destination group"), "destination_group"),
    "destination_group_of_call": computed(
        _l("Destination group"), group_for, "call_year", "country", once_per_value=True
    ),
    "project": column(_l("Project"), "project"),
    "call_year": column(_l("Call year"), "call_year"),
    "start_date": column(_l("Start date"), "start_date"),
    "end_date": column(_l("End date"), "end_date"),
    "duration": column(_l("Duration (days)"), "duration_days"),
    "distance_band": column(_l("Distance band"), "distance_band"),
    "green_travel": column(_l("Green travel"), "green_travel"),
    "fewer_opportunities": column(_l("Fewer opportunities"), "fewer_opportunities"),
    "grant_individual": column(_l("Individual support (EUR)"), "grant_individual"),
    "grant_travel": column(_l("Travel (EUR)"), "grant_travel"),
    "grant_top_ups": column(_l("Top-ups (EUR)"), "grant_top_ups"),
    "grant_total": column(_l("Calculated total (EUR)"), "grant_total"),
    "grant": column(_l("Grant (EUR)"), "grant"),
    "status": column(_l("Status"), "status"),
    "owner": column(_l("Owner"), "owner"),
    "faculty": column(_l("Faculty"), "faculty"),
}
"""Header and value of each column. The destination group is the partner country's in
the project's call year: the report selects it (one call year), the list computes it
(destination_group_of_call, once per call year and country)."""


STAY_AND_GRANT = (
    "start_date",
    "end_date",
    "duration",
    "distance_band",
    "green_travel",
    "fewer_opportunities",
    "grant_individual",
    "grant_travel",
    "grant_top_ups",
    "grant_total",
    "grant",
    "status",
)
"""The columns both files give in the same order: the stay, its grant and its status."""


def mobility_columns(*names):
    return tuple(COLUMNS[name] for name in names)


def selected_for(columns, **own):
    """The select's columns that `columns` read, labelled with their names, each once:
    from SELECTED, or from `own` (name=expression) for a field of one export only."""
    names = dict.fromkeys(name for col in columns for name in col.reads)
    return [(own.get(name) if name in own else SELECTED[name]).label(name) for name in names]
