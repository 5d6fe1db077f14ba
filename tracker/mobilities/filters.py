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
from sqlalchemy.orm import aliased
from wtforms import BooleanField, SearchField
from wtforms.fields.choices import SelectChoice

from tracker.auth.models import User
from tracker.auth.permissions import can, visibility
from tracker.erasmus.actions import Action
from tracker.erasmus.countries import country_options
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.form_base import SelectField, int_or_none
from tracker.listing import ANY, FilterForm, contains, contains_folded, reference
from tracker.mobilities import queries
from tracker.mobilities.models import Mobility
from tracker.mobilities.rules import FUNDING_ACTIONS
from tracker.organisations.models import Organisation
from tracker.priorities.models import mobility_priorities
from tracker.projects.models import Project
from tracker.workflow.states import NOT_COMMITTED, Status


def _by_reference(id_column, named):
    """The condition of a text filter: the record with that id, or any whose text contains
    it (`named(text)`: a select of their ids, read once, not once per mobility)."""

    def condition(value):
        record_id = reference(value)
        if record_id is not None:
            return id_column == record_id
        return id_column.in_(named(value.strip()))

    return condition


def _organisations_named(text):
    return sa.select(Organisation.id).where(contains(Organisation.name, text))


def _projects_named(text):
    return sa.select(Project.id).where(contains_folded(Project.search_text, text))


def _users_named(text):
    return sa.select(User.id).where(contains(User.full_name, text))


def _priority(priority_id):
    return sa.exists().where(
        mobility_priorities.c.mobility_id == Mobility.id,
        mobility_priorities.c.priority_id == priority_id,
    )


def _text(text, user=None):
    """Participant name or e-mail address, or the partner's name. The mobilities found are
    read from two narrow indexes (search text; partner), never row by row in the list's
    order: a search that finds a few of 100,000 costs the same as one that finds many.
    Given `user`, only among those they may see: a member of staff's search then reads
    their own few hundred mobilities, not the whole index."""
    found = aliased(Mobility)
    seen = visibility(user, found) if user is not None else []
    return Mobility.id.in_(
        sa.union_all(
            sa.select(found.id).where(*seen, contains_folded(found.search_text, text)),
            sa.select(found.id).where(*seen, found.organisation_id.in_(_organisations_named(text))),
        )
    )


class MobilityFilterForm(FilterForm):
    q = SearchField(_l("Participant or partner"))
    call_year = SelectField(_l("Call year"), coerce=int_or_none, validate_choice=False)
    action = SelectField(
        _l("Action"), choices=[ANY] + [SelectChoice(a.value, a.label) for a in FUNDING_ACTIONS]
    )
    status = SelectField(_l("Status"), choices=[ANY, *Status.choices()])
    priority = SelectField(_l("Priority"), coerce=int_or_none, validate_choice=False)
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
        "owner": _by_reference(Mobility.owner_id, _users_named),
        "activity_type": lambda value: Mobility.activity_type == ActivityType(value),
        "flow": lambda value: Mobility.flow == Flow(value),
        "project": _by_reference(Mobility.project_id, _projects_named),
        "partner": _by_reference(Mobility.organisation_id, _organisations_named),
        "committed": lambda value: Mobility.status.not_in(NOT_COMMITTED),
    }

    TABLES = {
        "call_year": Project,
        "action": Project,
        "country": Organisation,
    }
    """The joined table each filter reads (the others read the mobility's own columns)."""

    def tables(self):
        """The tables the chosen filters read: the count joins only these."""
        return {self.TABLES[name] for name in self.chosen() if name in self.TABLES}

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.CONDITIONS = self.CONDITIONS | {"q": lambda value: _text(value.strip(), user)}
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
