"""The small forms on a record's page: take a transition, write a comment."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from tracker.column_types import LONG_TEXT
from tracker.form_base import Form
from tracker.submissions import OneTimeToken


class TransitionForm(Form):
    comment = TextAreaField(_l("Reason or comment"), validators=[Length(max=LONG_TEXT)])
    confirm = BooleanField(_l("I am sure: this cannot be undone"))
    """Ticked for a destructive transition (cancel, reject, withdraw); otherwise it asks first."""
    version = HiddenField()


class CommentForm(OneTimeToken, Form):
    body = TextAreaField(_l("Your comment"), validators=[DataRequired(), Length(max=LONG_TEXT)])
    asks_for_override = BooleanField(_l("Ask a coordinator to set the grant by hand"))
