"""The filters of the mobility list: a GET form whose values live in the URL."""

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.fields.choices import SelectChoice

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import country_choices
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.listing import FilterForm
from tracker.mobilities import queries
from tracker.mobilities.rules import FUNDING_ACTIONS
from tracker.workflow.states import Status

ANY = SelectChoice("", _l("Any"))
ENUM_FILTERS = {"action": Action, "status": Status, "activity_type": ActivityType, "flow": Flow}


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class MobilityFilterForm(FilterForm):
    q = StringField(_l("Participant or partner"))
    call_year = SelectField(_l("Call year"), coerce=_int_or_none, validate_choice=False)
    action = SelectField(
        _l("Action"), choices=[ANY] + [SelectChoice(a.value, a.label) for a in FUNDING_ACTIONS]
    )
    status = SelectField(_l("Status"), choices=[ANY, *Status.choices()])
    priority = SelectField(_l("Priority"), coerce=_int_or_none, validate_choice=False)
    faculty = SelectField(_l("Faculty"), validate_choice=False)
    country = SelectField(_l("Country"), validate_choice=False)
    owner = SelectField(_l("Owner"), coerce=_int_or_none, validate_choice=False)
    activity_type = SelectField(_l("Activity type"), choices=[ANY, *ActivityType.choices()])
    flow = SelectField(_l("Flow"), choices=[ANY, *Flow.choices()])
    project = SelectField(_l("Funding project"), coerce=_int_or_none, validate_choice=False)
    partner = SelectField(_l("Partner"), coerce=_int_or_none, validate_choice=False)
    committed = BooleanField(_l("Only those that count (not rejected, withdrawn or cancelled)"))

    def __init__(self, office, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_year.choices = [ANY] + [
            SelectChoice(year, str(year)) for year in queries.call_years()
        ]
        self.priority.choices = [ANY] + queries.priority_choices()
        self.project.choices = [ANY] + queries.funding_project_choices(open_only=False)
        self.partner.choices = [ANY] + queries.organisation_choices()
        self.faculty.choices = [ANY] + [SelectChoice(name, name) for name in queries.faculties()]
        self.country.choices = [ANY] + [
            SelectChoice(*pair) for pair in country_choices(str(get_locale() or "en"))
        ]
        if office:
            self.owner.choices = [ANY] + queries.owner_choices()
        else:
            del self.owner

    def values(self):
        """The chosen filters as a dict; unknown enum values are ignored, never a 500."""
        self.validate()
        values = {
            name: field.data for name, field in self._fields.items() if field.data not in ("", None)
        }
        for name, enum_class in ENUM_FILTERS.items():
            if name in values:
                if getattr(self, name).errors:
                    del values[name]
                else:
                    values[name] = enum_class(values[name])
        return values
