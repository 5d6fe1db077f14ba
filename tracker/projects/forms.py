"""The project form and the partner forms on a project's page.

One project form serves every action: the fields a kind of project does not
have (our role outside KA2) are ignored for it, and the checks that depend on
the action (grant agreement number, duration) run against the chosen one.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from tracker.column_types import SUMMARY_TEXT
from tracker.erasmus.actions import Action
from tracker.erasmus.grant_agreements import grant_agreement_problem, normalise
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.form_base import Form, SelectField, blank_to_none, strip
from tracker.mobilities.rules import allowed_days_text, days_counted, duration_allowed
from tracker.money import money_field
from tracker.projects.durations import duration_problem
from tracker.projects.models import OurRole, PartnerRole
from tracker.submissions import OneTimeToken


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProjectForm(OneTimeToken, Form):
    action = SelectField(
        _l("Action"),
        choices=[SelectChoice("", _l("Choose the action"))] + Action.choices(),
        validators=[InputRequired(_l("Choose the action."))],
    )
    call_year = IntegerField(
        _l("Call year"),
        default=lambda: date.today().year,
        validators=[
            InputRequired(_l("Enter the call year.")),
            NumberRange(2014, 2100, _l("Enter a call year between 2014 and 2100.")),
        ],
    )
    title = StringField(_l("Title"), filters=[strip], validators=[DataRequired(), Length(max=300)])
    acronym = StringField(
        _l("Acronym"), filters=[strip, blank_to_none], validators=[Optional(), Length(max=40)]
    )
    grant_agreement_number = StringField(
        _l("Grant agreement number"),
        filters=[normalise, blank_to_none],
        validators=[Optional(), Length(max=40)],
        description=_l(
            "May stay empty while drafting. National Agency actions: e.g. "
            "2024-1-NL01-KA131-HED-000123456; EACEA actions: the EU project number, e.g. "
            "101123456."
        ),
    )
    start_date = DateField(_l("Start date"), validators=[Optional()])
    end_date = DateField(_l("End date"), validators=[Optional()])
    our_role = SelectField(
        _l("Our role"),
        choices=OurRole.choices(),
        default=OurRole.COORDINATOR.value,
        description=_l("KA2 projects only: do we coordinate the consortium or take part in it?"),
    )
    requested_amount = money_field(_l("Requested amount (EUR)"))
    awarded_amount = money_field(_l("Awarded amount (EUR)"))
    owner_id = SelectField(_l("Owner"), coerce=int)
    faculty = StringField(
        _l("Faculty"),
        filters=[strip, blank_to_none],
        validators=[Optional(), Length(max=120)],
        description=_l("Empty: the owner's faculty."),
    )
    summary = TextAreaField(
        _l("Summary"),
        filters=[strip, blank_to_none],
        validators=[Optional(), Length(max=SUMMARY_TEXT)],
    )
    priorities = MultiCheckboxField(_l("Priorities"), coerce=int)
    version = HiddenField()

    def __init__(self, *args, owner_choices=None, priority_choices=(), **kwargs):
        """`owner_choices` only for coordinators and admins: staff own what they create."""
        super().__init__(*args, **kwargs)
        self.priorities.choices = [SelectChoice(id_, name) for id_, name in priority_choices]
        if owner_choices is None:
            del self.owner_id
        else:
            self.owner_id.choices = [SelectChoice(id_, name) for id_, name in owner_choices]

    @property
    def chosen_action(self):
        try:
            return Action(self.action.data)
        except ValueError:
            return None

    def validate_grant_agreement_number(self, field):
        action = self.chosen_action
        if field.data and action is not None:
            problem = grant_agreement_problem(field.data, action, self.call_year.data)
            if problem:
                raise ValidationError(problem)

    def validate_end_date(self, field):
        action = self.chosen_action
        if field.data and self.start_date.data and action is not None:
            problem = duration_problem(action, self.start_date.data, field.data)
            if problem:
                raise ValidationError(problem)


class PartnerForm(OneTimeToken, Form):
    """Add an organisation to the project: with a role in a consortium, a budget in KA171."""

    organisation_id = SelectField(
        _l("Organisation"),
        coerce=int,
        validators=[InputRequired(_l("Choose the organisation."))],
    )
    role = SelectField(_l("Role"), choices=PartnerRole.choices(), default=PartnerRole.PARTNER.value)
    budget = money_field(_l("Budget (EUR)"))

    def __init__(self, *args, organisation_choices=(), consortium=False, budgets=False, **kwargs):
        super().__init__(*args, prefix="partner", **kwargs)
        self.organisation_id.choices = [SelectChoice(0, _l("Choose the organisation"))] + [
            SelectChoice(id_, name) for id_, name in organisation_choices
        ]
        if not consortium:
            del self.role
        if not budgets:
            del self.budget

    def validate_organisation_id(self, field):
        if field.data == 0:
            raise ValidationError(_l("Choose the organisation."))


class PlannedMobilityForm(OneTimeToken, Form):
    """KA171: how many mobilities of one activity type and flow a partner may use."""

    activity_type = SelectField(_l("Activity type"), choices=ActivityType.choices())
    flow = SelectField(_l("Flow"), choices=Flow.choices())
    planned = IntegerField(
        _l("Number planned"),
        validators=[
            InputRequired(_l("Enter how many mobilities are planned.")),
            NumberRange(min=1, max=10000, message=_l("Enter a number of 1 or more.")),
        ],
    )

    def __init__(self, partner_id, *args, **kwargs):
        """Prefixed per partner: a page holds one such form per KA171 partner."""
        super().__init__(*args, prefix=f"planned-{partner_id}", **kwargs)
        self.partner_id = partner_id


class OrganisedBipForm(Form):
    """KA131: a blended intensive programme we organise, for its organisational support."""

    title = StringField(
        _l("Programme title"), filters=[strip], validators=[DataRequired(), Length(max=200)]
    )
    start_date = DateField(_l("First day of the physical part"), validators=[InputRequired()])
    end_date = DateField(_l("Last day of the physical part"), validators=[InputRequired()])
    participants = IntegerField(
        _l("Mobile participants"),
        description=_l("Teaching and training staff not counted; at least 15 for support."),
        validators=[
            InputRequired(_l("Enter the number of mobile participants.")),
            NumberRange(min=0, max=10000, message=_l("Enter a number of 0 or more.")),
        ],
    )

    def __init__(self, project, *args, **kwargs):
        super().__init__(*args, prefix="bip", **kwargs)
        self.project = project

    def validate_end_date(self, field):
        start, end = self.start_date.data, field.data
        if start is None or end is None:
            return
        days = days_counted(start, end)
        if not duration_allowed(ActivityType.BIP, days):
            raise ValidationError(
                _l(
                    "The physical part lasts %(allowed)s days; these dates give %(days)s days.",
                    allowed=allowed_days_text(ActivityType.BIP),
                    days=days,
                )
            )
        project = self.project
        if (
            project.start_date
            and project.end_date
            and not (project.start_date <= start and end <= project.end_date)
        ):
            raise ValidationError(
                _l(
                    "The programme must take place within the project's period, "
                    "%(start)s to %(end)s.",
                    start=project.start_date.isoformat(),
                    end=project.end_date.isoformat(),
                )
            )


class ConfirmForm(Form):
    """A button that changes something: only the CSRF token travels with it."""
