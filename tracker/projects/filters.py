"""The project list's filters: a GET form read from the URL, and what each filter selects.

A value that does not parse (a hand-edited URL) is ignored rather than
refused: the list then shows more, never an error page.
"""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SearchField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from tracker.auth.models import User
from tracker.erasmus.actions import Action, KeyAction
from tracker.erasmus.countries import country_options
from tracker.form_base import SelectField
from tracker.listing import FilterForm, contains, contains_folded
from tracker.organisations.models import Organisation
from tracker.priorities.models import project_priorities
from tracker.projects.models import Project, ProjectPartner
from tracker.workflow.states import Status

ALL = SelectChoice("", _l("All"))


def _partner_exists(*conditions):
    return (
        sa.select(ProjectPartner.id)
        .join(Organisation, Organisation.id == ProjectPartner.organisation_id)
        .where(ProjectPartner.project_id == Project.id, *conditions)
        .exists()
    )


def _text(text):
    """Title or acronym, or a partner's name: the projects of the partners so named are
    read once, not once per project."""
    named = sa.select(Organisation.id).where(contains(Organisation.name, text))
    partnered = sa.select(ProjectPartner.project_id).where(
        ProjectPartner.organisation_id.in_(named)
    )
    return sa.or_(contains_folded(Project.search_text, text), Project.id.in_(partnered))


def _priority(priority_id):
    return (
        sa.select(project_priorities.c.project_id)
        .where(
            project_priorities.c.project_id == Project.id,
            project_priorities.c.priority_id == int(priority_id),
        )
        .exists()
    )


class ProjectFilterForm(FilterForm):
    q = SearchField(_l("Title, acronym or partner"), validators=[Optional()])
    call_year = IntegerField(_l("Call year"), validators=[Optional()])
    key_action = SelectField(_l("Key action"), choices=[ALL] + KeyAction.choices())
    action = SelectField(_l("Action"), choices=[ALL] + Action.choices())
    status = SelectField(_l("Status"), choices=[ALL] + Status.choices())
    priority = SelectField(_l("Priority"))
    faculty = SelectField(_l("Faculty"))
    country = SelectField(_l("Partner country"))
    owner = SelectField(_l("Owner"))

    CONDITIONS = {
        "q": lambda value: _text(value.strip()),
        "call_year": lambda value: Project.call_year == value,
        "key_action": lambda value: Project.action.in_(Action.of_key_action(KeyAction(value))),
        "action": lambda value: Project.action == Action(value),
        "status": lambda value: Project.status == Status(value),
        "priority": _priority,
        "faculty": lambda value: Project.faculty == value,
        "country": lambda value: _partner_exists(Organisation.country == value),
        "owner": lambda value: User.id == int(value),
    }
    """Each filter as the SQL condition it adds: the query joins the owner (User)."""

    def __init__(self, *, priorities, faculties, owners=None):
        """`owners` only for coordinators and admins; staff see only their own records."""
        super().__init__()
        self.priority.choices = [ALL] + [SelectChoice(str(id_), name) for id_, name in priorities]
        self.faculty.choices = [ALL] + [SelectChoice(name, name) for name in faculties]
        self.country.choices = country_options(ALL)
        if owners is None:
            del self.owner
        else:
            self.owner.choices = [ALL] + [SelectChoice(str(id_), name) for id_, name in owners]
