"""The small forms on a record's page: take a transition, write a comment."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from tracker.form_base import Form


class TransitionForm(Form):
    comment = TextAreaField(_l("Comment"), validators=[Length(max=5000)])
    version = HiddenField()


class CommentForm(Form):
    body = TextAreaField(_l("Your comment"), validators=[DataRequired(), Length(max=5000)])
    asks_for_override = BooleanField(_l("Ask a coordinator to set the grant by hand"))
