"""Sign-in and account forms."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from tracker.enums import Language, Role
from tracker.form_base import Form

MIN_PASSWORD_LENGTH = 12


def strip(value):
    return value.strip() if isinstance(value, str) else value


class LoginForm(Form):
    email = EmailField(_l("E-mail address"), filters=[strip], validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class PreferencesForm(Form):
    language = SelectField(_l("Language"), choices=Language.choices())


class UserForm(Form):
    """An admin creates or edits an account; the password only when creating or resetting."""

    email = EmailField(
        _l("E-mail address"),
        filters=[strip],
        validators=[DataRequired(), Email(), Length(max=254)],
    )
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=Role.choices())
    faculty = StringField(_l("Faculty"), validators=[Optional(), Length(max=120)])
    language = SelectField(_l("Language"), choices=Language.choices())
    active = BooleanField(_l("Active (may sign in)"), default=True)
    password = PasswordField(
        _l("New password"),
        validators=[Optional(), Length(min=MIN_PASSWORD_LENGTH)],
        description=_l(
            "At least %(n)d characters. Leave empty to keep the current one.", n=MIN_PASSWORD_LENGTH
        ),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
    )
