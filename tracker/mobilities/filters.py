"""The filters of the mobility list: a GET form whose values live in the URL, and the SQL
condition each filter adds (the list's select joins the project, the partner and the owner).

Funding project, partner and owner can run into thousands: they are text fields, matched
on the server (a link may give an id instead: "?project=12"), never a <select> of every
record. Their suggestions come from `choice_suggestions`, which shows only what the user
may see.
"""

import sqlalchemy as sa
from flask import url_for
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SearchField, SelectField
from wtforms.fields.choices import SelectChoice

from tracker.auth.models import User
from tracker.auth.permissions import can
from tracker.erasmus.actions import Action
from tracker.erasmus.countries import country_options
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.listing import ANY, FilterForm, contains, reference
from tracker.mobilities import queries
from tracker.mobilities.models import Mobility
from tracker.mobilities.rules import FUNDING_ACTIONS
from tracker.organisations.models import Organisation
from tracker.priorities.models import mobility_priorities
from tracker.projects.models import Project
from tracker.workflow.states import NOT_COMMITTED, Status


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _by_reference(id_column, *text_columns):
    """The condition of a text filter: the record with that id, or any whose text contains it."""

    def condition(value):
        record_id = reference(value)
        if record_id is not None:
            return id_column == record_id
        return sa.or_(*(contains(column, value.strip()) for column in text_columns))

    return condition


def _priority(priority_id):
    return sa.exists().where(
        mobility_priorities.c.mobility_id == Mobility.id,
        mobility_priorities.c.priority_id == priority_id,
    )


def _text(text):
    return sa.or_(
        contains(Mobility.participant_name, text),
        contains(Mobility.participant_email, text),
        contains(Organisation.name, text),
    )


class MobilityFilterForm(FilterForm):
    q = SearchField(_l("Participant or partner"))
    call_year = SelectField(_l("Call year"), coerce=_int_or_none, validate_choice=False)
    action = SelectField(
        _l("Action"), choices=[ANY] + [SelectChoice(a.value, a.label) for a in FUNDING_ACTIONS]
    )
    status = SelectField(_l("Status"), choices=[ANY, *Status.choices()])
    priority = SelectField(_l("Priority"), coerce=_int_or_none, validate_choice=False)
    faculty = SelectField(_l("Faculty"), validate_choice=False)
    country = SelectField(_l("Country"), validate_choice=False)
    owner = SearchField(_l("Owner"))
    activity_type = SelectField(_l("Activity type"), choices=[ANY, *ActivityType.choices()])
    flow = SelectField(_l("Flow"), choices=[ANY, *Flow.choices()])
    project = SearchField(_l("Funding project"))
    partner = SearchField(_l("Partner"))
    committed = BooleanField(_l("Only those that count (not rejected, withdrawn or cancelled)"))

    CONDITIONS = {
        "q": lambda value: _text(value.strip()),
        "call_year": lambda value: Project.call_year == value,
        "action": lambda value: Project.action == Action(value),
        "status": lambda value: Mobility.status == Status(value),
        "priority": _priority,
        "faculty": lambda value: Mobility.faculty == value,
        "country": lambda value: Organisation.country == value,
        "owner": _by_reference(Mobility.owner_id, User.full_name),
        "activity_type": lambda value: Mobility.activity_type == ActivityType(value),
        "flow": lambda value: Mobility.flow == Flow(value),
        "project": _by_reference(Mobility.project_id, Project.acronym, Project.title),
        "partner": _by_reference(Mobility.organisation_id, Organisation.name),
        "committed": lambda value: Mobility.status.not_in(NOT_COMMITTED),
    }

    TABLES = {
        "q": Organisation,
        "call_year": Project,
        "action": Project,
        "country": Organisation,
        "owner": User,
        "project": Project,
        "partner": Organisation,
    }
    """The joined table each filter reads (the others read the mobility's own columns)."""

    def tables(self):
        """The tables the chosen filters read: the count joins only these."""
        return {self.TABLES[name] for name in self.chosen() if name in self.TABLES}

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_year.choices = [ANY] + [
            SelectChoice(year, str(year)) for year in queries.call_years()
        ]
        self.priority.choices = [ANY] + queries.priority_choices()
        self.faculty.choices = [ANY] + [SelectChoice(name, name) for name in queries.faculties()]
        self.country.choices = country_options(ANY)
        if not can(user, "act_on_every_record"):
            del self.owner
        for name in SUGGESTED:
            if (field := self._fields.get(name)) is not None:
                field.render_kw = {
                    "list": f"{name}-suggestions",
                    "autocomplete": "off",
                    "data-suggest": url_for("mobilities.suggestions", kind=name),
                }
                if (record_id := reference(field.data)) is not None:
                    # A link's id shows as the name, which matches the same record when sent.
                    field.render_kw["value"] = queries.name_of(user, name, record_id) or field.data


SUGGESTED = ("project", "partner", "owner")
"""The text filters with suggestions as you type (tracker/static/suggest.js)."""
