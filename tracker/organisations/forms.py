"""The organisation form."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from tracker.erasmus.countries import country_options, is_known_country
from tracker.form_base import Form, SelectField, strip
from tracker.organisations.codes import (
    ERASMUS_CODE_EXAMPLES,
    erasmus_code_problem,
    erasmus_prefix_problem,
    normalise_code,
    oid_problem,
    pic_problem,
)
from tracker.submissions import OneTimeToken

FIELDS = ("name", "erasmus_code", "pic", "oid", "country", "city")
"""The organisation's columns the form edits, in the form's order."""


def check_with(problem):
    """A WTForms validator from one of the `codes` checks."""

    def validator(form, field):
        message = problem(field.data)
        if message:
            raise ValidationError(message)

    return validator


def validate_country(form, field):
    if not is_known_country(field.data or ""):
        raise ValidationError(_l("Choose a country from the list."))


validate_country.field_flags = {"required": True}


class OrganisationForm(OneTimeToken, Form):
    name = StringField(_l("Name"), filters=[strip], validators=[DataRequired(), Length(max=255)])
    erasmus_code = StringField(
        _l("Erasmus code"),
        filters=[normalise_code],
        validators=[Optional(), Length(max=20), check_with(erasmus_code_problem)],
        description=_l(
            "Only for institutions holding the Erasmus Charter, e.g. %(examples)s.",
            examples=ERASMUS_CODE_EXAMPLES,
        ),
    )
    pic = StringField(
        _l("PIC"),
        filters=[strip],
        validators=[Optional(), check_with(pic_problem)],
        description=_l("Participant Identification Code: 9 digits."),
    )
    oid = StringField(
        _l("OID"),
        filters=[normalise_code],
        validators=[Optional(), check_with(oid_problem)],
        description=_l("Organisation ID: E followed by 8 digits."),
    )
    country = SelectField(
        _l("Country"),
        filters=[normalise_code],
        validate_choice=False,
        validators=[validate_country],
    )
    city = StringField(_l("City"), filters=[strip], validators=[Optional(), Length(max=120)])
    version = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = country_options(SelectChoice("", _l("Choose a country")))

    def validate(self, extra_validators=None):
        """The Erasmus code is checked against the country once both are well-formed."""
        valid = super().validate(extra_validators)
        if self.erasmus_code.data and not self.erasmus_code.errors and not self.country.errors:
            message = erasmus_prefix_problem(self.erasmus_code.data, self.country.data)
            if message:
                self.erasmus_code.errors.append(message)
                valid = False
        return valid

    def values(self):
        """The submitted values by column, blanks as None."""
        return {name: getattr(self, name).data or None for name in FIELDS}
