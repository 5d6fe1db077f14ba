"""The mobility form: every field a person fills in, and the rules that need more than one field."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from tracker.auth.owners import owner_choices
from tracker.auth.permissions import can
from tracker.column_types import NOTE_TEXT
from tracker.erasmus.actions import Action
from tracker.erasmus.distances import propose_band
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.form_base import Form, SelectField, blank_to_none, strip
from tracker.mobilities import queries
from tracker.mobilities.rules import (
    BLENDED_ACTIVITIES,
    MAX_TRAVEL_DAYS,
    NO_INCOMING_FOR_KA131,
    STAFF_GREEN_TRAVEL_DAYS,
    STAFF_TRAVEL_DAYS,
    STUDENT_GREEN_TRAVEL_DAYS,
    action_funds_flow,
    allowed_days_text,
    days_counted,
    duration_allowed,
    ka171_funds_country,
    outside_ka171_partnership,
)
from tracker.money import money_field
from tracker.submissions import OneTimeToken


def _member(enum_class, value):
    """The enum member of a submitted value, None for a forged one (its field says so)."""
    try:
        return enum_class(value)
    except ValueError:
        return None


class CheckboxList(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class MobilityForm(OneTimeToken, Form):
    participant_name = StringField(
        _l("Participant's name"), filters=[strip], validators=[DataRequired(), Length(max=200)]
    )
    participant_email = EmailField(
        _l("Participant's e-mail address"),
        filters=[strip, blank_to_none],
        validators=[Optional(), Email(), Length(max=254)],
    )
    participant_kind = SelectField(_l("Participant"), choices=ParticipantKind.choices())
    activity_type = SelectField(_l("Activity type"), choices=ActivityType.choices())
    flow = SelectField(_l("Flow"), choices=Flow.choices())
    organisation_id = SelectField(
        _l("Partner organisation"), coerce=int, validate_choice=False, validators=[DataRequired()]
    )
    project_id = SelectField(
        _l("Funding project"),
        coerce=int,
        validate_choice=False,
        validators=[DataRequired()],
        description=_l("An approved or ongoing KA131 or KA171 project."),
    )
    start_date = DateField(_l("Start date"), validators=[InputRequired()])
    end_date = DateField(_l("End date"), validators=[InputRequired()])
    distance_band = SelectField(
        _l("Distance band"),
        choices=[SelectChoice("", _l("— not given —")), *DistanceBand.choices()],
        filters=[blank_to_none],
        validators=[Optional()],
        description=_l(
            "One-way distance from our city to the partner's, as the Commission's distance "
            "calculator measures it. Left empty, the band the map proposes is taken."
        ),
    )
    green_travel = BooleanField(_l("Green travel"))
    fewer_opportunities = BooleanField(_l("Participant with fewer opportunities"))
    virtual_component = BooleanField(
        _l("Virtual component (blended mobility)"),
        description=_l("Blended intensive programmes and short-term doctoral mobility only."),
    )
    travel_days = IntegerField(
        _l("Travel days to fund"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=MAX_TRAVEL_DAYS)],
        description=_l(
            "Staff: up to %(staff)s, or %(staff_green)s with green travel. "
            "Green-travelling students: up to %(student_green)s.",
            staff=STAFF_TRAVEL_DAYS,
            staff_green=STAFF_GREEN_TRAVEL_DAYS,
            student_green=STUDENT_GREEN_TRAVEL_DAYS,
        ),
    )
    priorities = CheckboxList(_l("Priorities"), coerce=int)
    faculty = StringField(
        _l("Faculty"),
        filters=[strip, blank_to_none],
        validators=[Optional(), Length(max=120)],
        description=_l("Leave empty for the owner's faculty."),
    )
    owner_id = SelectField(_l("Owner"), coerce=int)
    grant_override_total = money_field(
        _l("Grant total set by hand (EUR)"),
        description=_l(
            "Counts instead of the calculated total. Leave empty to use the calculation."
        ),
    )
    grant_override_reason = TextAreaField(
        _l("Reason for the amount set by hand"),
        filters=[strip, blank_to_none],
        validators=[Length(max=NOTE_TEXT)],
    )
    version = HiddenField()
    calculate = SubmitField(_l("Calculate grant"))
    show_partners = SubmitField(_l("Show this project's partners"))

    OFFICE_FIELDS = ("owner_id", "grant_override_total", "grant_override_reason")

    def __init__(
        self,
        user,
        *args,
        current_project_id=None,
        current_organisation_id=None,
        current_owner_id=None,
        **kwargs,
    ):
        """`current_project_id`, `current_organisation_id`, `current_owner_id`: those of the
        mobility being edited, kept as choices (a coordinator still corrects a mobility of a
        completed project, or of an owner since deactivated)."""
        super().__init__(*args, **kwargs)
        self.current_project_id = current_project_id
        self.current_organisation_id = current_organisation_id
        self.project_id.choices = [
            SelectChoice(0, _l("— choose —"))
        ] + queries.funding_project_choices(keep=current_project_id)
        self.narrow_partners()
        self.priorities.choices = queries.priority_choices()
        if can(user, "act_on_every_record"):
            self.owner_id.choices = owner_choices(current_owner_id)
        else:
            for name in self.OFFICE_FIELDS:
                delattr(self, name)

    def chosen_project(self):
        """The funding project chosen, if it may fund this mobility; else None."""
        return queries.funding_project(self.project_id.data, keep=self.current_project_id)

    def narrow_partners(self):
        """Offer only the chosen KA171 project's partners (every organisation otherwise)."""
        self.organisation_id.choices = [
            SelectChoice(0, _l("— choose —"))
        ] + queries.organisation_choices(self.chosen_project(), keep=self.current_organisation_id)

    def band_proposal(self):
        """The distance band the map proposes for the chosen partner, or None (no partner)."""
        partner = queries.organisation(self.organisation_id.data)
        return propose_band(partner.country, partner.city) if partner else None

    def fill_proposed_band(self):
        """A band left empty takes the one the map proposes."""
        proposal = self.band_proposal()
        if not self.distance_band.data and proposal and proposal.band:
            self.distance_band.data = proposal.band.value

    def validate_activity_type(self, field):
        activity = _member(ActivityType, field.data)
        participant = _member(ParticipantKind, self.participant_kind.data)
        if activity and participant and participant not in activity.participant_kinds:
            raise ValidationError(
                _l(
                    "%(activity)s is not open to this participant: choose %(kinds)s.",
                    activity=activity.label,
                    kinds=", ".join(str(kind.label) for kind in activity.participant_kinds),
                )
            )

    def duration_days(self):
        """The days the dates give, both counted as the rules count them; None until both
        dates are entered in order."""
        start, end = self.start_date.data, self.end_date.data
        if start is None or end is None or end < start:
            return None
        return days_counted(start, end)

    def validate_end_date(self, field):
        start = self.start_date.data
        if start is None or field.data is None:
            return
        if field.data < start:
            raise ValidationError(_l("The end date comes before the start date."))
        activity = _member(ActivityType, self.activity_type.data)
        days = self.duration_days()
        if activity and not duration_allowed(activity, days):
            raise ValidationError(
                _l(
                    "%(activity)s lasts %(allowed)s days; these dates give %(days)s days.",
                    activity=activity.label,
                    allowed=allowed_days_text(activity),
                    days=days,
                )
            )

    def validate_virtual_component(self, field):
        if field.data and _member(ActivityType, self.activity_type.data) not in BLENDED_ACTIVITIES:
            raise ValidationError(
                _l(
                    "Only a blended intensive programme or a short-term doctoral mobility "
                    "has a virtual component."
                )
            )

    def validate_project_id(self, field):
        project = self.chosen_project()
        if project is None:
            raise ValidationError(_l("Choose an approved or ongoing KA131 or KA171 project."))
        flow = next((member for member in Flow if member.value == self.flow.data), None)
        if flow is not None and not action_funds_flow(project.action, flow):
            raise ValidationError(NO_INCOMING_FOR_KA131)
        if (
            project.start_date
            and self.start_date.data
            and self.start_date.data < project.start_date
        ):
            raise ValidationError(self._period_message(project))
        if project.end_date and self.end_date.data and self.end_date.data > project.end_date:
            raise ValidationError(self._period_message(project))

    def validate_organisation_id(self, field):
        project = self.chosen_project()
        organisation = queries.organisation(field.data)
        if organisation is None:
            raise ValidationError(_l("Choose a partner organisation from the list."))
        if project is None or project.action is not Action.KA171_HED:
            return
        if not ka171_funds_country(organisation.country):
            raise ValidationError(
                _l(
                    "KA171 works with partners in third countries not associated to the "
                    "programme, regions 1 to 12; %(name)s is not in one of them.",
                    name=organisation.name,
                )
            )
        if outside_ka171_partnership(project, organisation.id):
            raise ValidationError(
                _l(
                    "%(name)s is not a partner of this KA171 project: choose one of its partners.",
                    name=organisation.name,
                )
            )

    def validate_grant_override_reason(self, field):
        if self.grant_override_total.data is not None and not field.data:
            raise ValidationError(_l("Say why the grant is set by hand."))

    @staticmethod
    def _period_message(project):
        return _l(
            "The mobility must take place within the project's period, %(start)s to %(end)s.",
            start=project.start_date.isoformat(),
            end=project.end_date.isoformat(),
        )


class RecalculateForm(Form):
    """The coordinator's "Recalculate the grant" button: CSRF and the version they saw."""

    version = HiddenField()
