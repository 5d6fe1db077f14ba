"""The base of every form in tracker: Flask-WTF's CSRF protection, and text a database takes.

A NUL character cannot be stored in PostgreSQL text and never belongs in what a
person typed, so every field drops it before validation; without this a stray
byte in any field would end in a database error instead of a saved form.
"""

from flask_wtf import FlaskForm


def drop_nul(value):
    return value.replace("\x00", "") if isinstance(value, str) else value


class Form(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = [drop_nul, *unbound_field.kwargs.get("filters", ())]
            return unbound_field.bind(form=form, filters=filters, **options)
