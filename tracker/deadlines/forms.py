"""The deadline form (coordinators and admins)."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from tracker.column_types import LONG_TEXT
from tracker.deadlines import queries
from tracker.deadlines.models import DeadlineKind
from tracker.form_base import Form, SelectField, blank_to_none, int_or_none, strip
from tracker.submissions import OneTimeToken

FIELDS = ("title", "kind", "due_date", "project_id", "notes")
"""The deadline's columns the form edits, in the form's order."""


class DeadlineForm(OneTimeToken, Form):
    title = StringField(_l("Title"), filters=[strip], validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=DeadlineKind.choices())
    due_date = DateField(_l("Due date"), validators=[InputRequired()])
    project_id = SelectField(
        _l("Project"),
        coerce=int_or_none,
        validate_choice=False,
        validators=[Optional()],
        description=_l("Leave at “none” for a deadline that concerns the whole office."),
    )
    notes = TextAreaField(
        _l("Notes"), filters=[strip, blank_to_none], validators=[Optional(), Length(max=LONG_TEXT)]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.project_id.choices = [SelectChoice("", _l("— none —"))] + [
            SelectChoice(id_, name) for id_, name in queries.project_choices()
        ]

    def validate_project_id(self, field):
        submitted = (field.raw_data or [""])[0]
        if submitted and (field.data is None or not queries.project_exists(field.data)):
            raise ValidationError(_l("Choose a project from the list, or none."))

    version = HiddenField()

    def values(self):
        """The submitted values by column, the kind as its enum member."""
        values = {name: getattr(self, name).data for name in FIELDS}
        values["kind"] = DeadlineKind(values["kind"])
        return values

    @staticmethod
    def data_of(deadline):
        """A saved deadline as the form's initial data."""
        data = {name: getattr(deadline, name) for name in FIELDS}
        data["kind"] = deadline.kind.value
        data["version"] = deadline.version
        return data
