"""The base of every form in tracker, and the input rules every field follows.

- A NUL character never belongs in what a person typed (and PostgreSQL text cannot
  hold it): every field drops it before validation.
- Single-line text (names, titles, e-mail addresses…) refuses control characters
  (line breaks, tabs, escapes) and bidirectional overrides and isolates, which can
  make a title read differently from what it holds, and which break e-mail headers.
- Multi-line text keeps line breaks (as "\\n") and tabs, and silently loses any other
  control or bidirectional-control character.
- Every text field has a maximum length: the one it declares with `Length(max=…)`
  (which must match its column, see tests/test_form_rules.py), else DEFAULT_MAX_LENGTH.
- Every date lies between FIRST_DATE and LAST_DATE (tracker/column_types.py).
"""

import re

import wtforms
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import escape
from wtforms import DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import Length, StopValidation
from wtforms.widgets import Select

from tracker.column_types import FIRST_DATE, LAST_DATE, LONG_TEXT, SHORT_TEXT

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters (Unicode category Cc) and the bidirectional controls: the Arabic letter
mark, LRM/RLM, embeddings and overrides (U+202A-E), isolates (U+2066-9)."""

DEFAULT_MAX_LENGTH = {"single": SHORT_TEXT, "multi": LONG_TEXT}


def strip(value):
    """A text field's filter: no spaces around what was typed."""
    return value.strip() if isinstance(value, str) else value


def blank_to_none(value):
    """A field's filter: an empty answer is stored as nothing (NULL), not as empty text."""
    return value or None


def int_or_none(value):
    """A chosen id or year as an int; blank or unreadable gives None (the validator or the
    filter says what that means)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def drop_nul(value):
    return value.replace("\x00", "") if isinstance(value, str) else value


def multi_line(value):
    """Line breaks as "\\n", tabs kept, every other control or bidi character dropped."""
    if not isinstance(value, str):
        return value
    value = re.sub(r"\r\n?", "\n", value)
    return CONTROL.sub(lambda match: match[0] if match[0] in "\n\t" else "", value)


def hidden(value):
    """A hidden field only carries what tracker put in it: anything invisible is dropped."""
    return CONTROL.sub("", value) if isinstance(value, str) else value


def single_line(form, field):
    if isinstance(field.data, str) and CONTROL.search(field.data):
        raise StopValidation(
            _l(
                "Remove the line breaks, tabs and invisible control characters: "
                "this field holds one line of text."
            )
        )


def date_in_range(form, field):
    if field.data is not None and not FIRST_DATE <= field.data <= LAST_DATE:
        raise StopValidation(
            _l(
                "Enter a date between %(first)s and %(last)s.",
                first=FIRST_DATE.isoformat(),
                last=LAST_DATE.isoformat(),
            )
        )


def text_kind(field_class):
    """ "multi", "single", "hidden" or None (not text) for a WTForms field class."""
    if issubclass(field_class, HiddenField):
        return "hidden"
    if issubclass(field_class, TextAreaField):
        return "multi"
    if issubclass(field_class, StringField):
        return "single"
    return None


def max_length_of(field):
    """The maximum length a text field declares with Length(max=…), else None."""
    limits = [v.max for v in field.validators if isinstance(v, Length) and v.max not in (None, -1)]
    return min(limits) if limits else None


class Form(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            cleaning = {"multi": [multi_line], "hidden": [hidden]}.get(
                text_kind(unbound_field.field_class), []
            )
            filters = [drop_nul, *cleaning, *unbound_field.kwargs.get("filters", ())]
            return unbound_field.bind(form=form, filters=filters, **options)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self:
            field.validators = [*self._rules_for(field), *field.validators]

    @staticmethod
    def _rules_for(field):
        """The input rules checked before a field's own validators."""
        if isinstance(field, DateField):
            return [date_in_range]
        kind = text_kind(type(field))
        if kind in ("single", "multi"):
            rules = [single_line] if kind == "single" else []
            if max_length_of(field) is None:
                rules.append(Length(max=DEFAULT_MAX_LENGTH[kind]))
            return rules
        return []


class ManyOptionsSelect(Select):
    """A <select> that writes a plain option straight from its value and label, the same
    HTML as WTForms' own: WTForms builds every option's attributes through `html_params`,
    about three times the cost, which tells on 2,000 partners, 10,000 projects or the
    filters' 250 countries. An option with its own attributes still goes through WTForms."""

    @classmethod
    def render_option(cls, choice, **kwargs):
        if choice.render_kw or kwargs:
            return super().render_option(choice, **kwargs)
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        selected = " selected" if choice.selected else ""
        label = choice.label or value
        return f'<option{selected} value="{escape(value)}">{escape(label)}</option>'


class SelectField(wtforms.SelectField):
    """Every choice list in tracker (forms import it from here, not from WTForms): a list of
    partners, projects or countries runs into hundreds or thousands of options."""

    widget = ManyOptionsSelect()
