"""Sign-in and account forms."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from tracker.auth.passwords import MIN_PASSWORD_LENGTH, password_problem
from tracker.enums import Role
from tracker.form_base import Form, SelectField, strip
from tracker.i18n import AUTOMATIC, language_choices
from tracker.submissions import OneTimeToken

MAX_PASSWORD_LENGTH = 200
"""Long passphrases welcome; a bound keeps hashing a posted megabyte from costing much."""


class LoginForm(Form):
    email = EmailField(_l("E-mail address"), filters=[strip], validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class PreferencesForm(Form):
    language = SelectField(_l("Language"), choices=language_choices, default=AUTOMATIC)


class UserForm(OneTimeToken, Form):
    """An admin creates or edits an account; the password only when creating or resetting."""

    email = EmailField(
        _l("E-mail address"),
        filters=[strip],
        validators=[DataRequired(), Email(), Length(max=254)],
    )
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=Role.choices())
    faculty = StringField(_l("Faculty"), validators=[Optional(), Length(max=120)])
    language = SelectField(_l("Language"), choices=language_choices, default=AUTOMATIC)
    active = BooleanField(_l("Active (may sign in)"), default=True)
    password = PasswordField(
        _l("New password"),
        validators=[Optional(), Length(max=MAX_PASSWORD_LENGTH)],
        description=_l(
            "At least %(n)d characters, not a common password, not the person's e-mail "
            "address or name. Leave empty to keep the current one.",
            n=MIN_PASSWORD_LENGTH,
        ),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
    )

    def validate_password(self, field):
        if field.data:
            check_password_rules(field.data, self.email.data, self.full_name.data)


class ChangePasswordForm(Form):
    """A person sets their own password: the current one first, the new one twice."""

    current = PasswordField(
        _l("Current password"), validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)]
    )
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)],
        description=_l(
            "At least %(n)d characters, not a common password, not your e-mail address or "
            "name. A sentence of a few words is easy to remember and hard to guess.",
            n=MIN_PASSWORD_LENGTH,
        ),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_current(self, field):
        if not self.user.check_password(field.data):
            raise ValidationError(_l("Your current password is not right."))

    def validate_password(self, field):
        check_password_rules(field.data, self.user.email, self.user.full_name)


def check_password_rules(password, email, full_name):
    problem = password_problem(password, email or "", full_name or "")
    if problem:
        raise ValidationError(problem)
