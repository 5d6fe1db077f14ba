"""Forms of the unit-cost pages: add a call year, enter or correct a figure. Both need a reason."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, ValidationError

from tracker.column_types import LONG_TEXT, NOTE_TEXT
from tracker.form_base import Form, SelectField, strip
from tracker.money import money_field
from tracker.submissions import OneTimeToken


class NewCallYearForm(OneTimeToken, Form):
    call_year = IntegerField(
        _l("Call year"), validators=[DataRequired(), NumberRange(min=2014, max=2100)]
    )
    copy_from = SelectField(
        _l("Start from the figures of"),
        coerce=int,
        description=_l("Correct the figures that differ after adding the year."),
    )
    sources = TextAreaField(
        _l("Sources"),
        filters=[strip],
        validators=[DataRequired(), Length(max=LONG_TEXT)],
        description=_l("Where the figures come from, one source a line."),
    )
    reason = TextAreaField(
        _l("Reason"), filters=[strip], validators=[DataRequired(), Length(max=NOTE_TEXT)]
    )

    def __init__(self, existing_years, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_years = set(existing_years)
        self.copy_from.choices = [
            SelectChoice(year, str(year)) for year in sorted(existing_years, reverse=True)
        ]

    def validate_call_year(self, field):
        if field.data in self.existing_years:
            raise ValidationError(
                _l("Call year %(year)s has a table already: correct its rates.", year=field.data)
            )


class RateCorrectionForm(Form):
    amount = money_field(_l("Amount (EUR)"), required=True)
    source = TextAreaField(
        _l("Source"),
        filters=[strip],
        validators=[DataRequired(), Length(max=LONG_TEXT)],
        description=_l("Where this amount comes from, e.g. the National Agency's letter."),
    )
    reason = TextAreaField(
        _l("Reason"), filters=[strip], validators=[DataRequired(), Length(max=NOTE_TEXT)]
    )
    version = HiddenField()
