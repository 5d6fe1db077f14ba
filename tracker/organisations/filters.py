"""The organisation list's filters: a GET form read from the URL, and the SQL condition each
filter adds. A value that does not parse (an unknown country) is ignored, not refused."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from wtforms import SearchField
from wtforms.fields.choices import SelectChoice

from tracker.erasmus.countries import country_options
from tracker.form_base import SelectField, strip
from tracker.listing import FilterForm, contains
from tracker.organisations.codes import normalise_code
from tracker.organisations.models import Organisation

SEARCHED_COLUMNS = ("name", "city", "erasmus_code", "pic", "oid")


def _text(text):
    return sa.or_(*(contains(getattr(Organisation, name), text) for name in SEARCHED_COLUMNS))


class OrganisationFilterForm(FilterForm):
    q = SearchField(
        _l("Search"),
        filters=[strip],
        description=_l("Name, city, Erasmus code, PIC or OID"),
    )
    country = SelectField(_l("Country"), filters=[normalise_code])

    CONDITIONS = {
        "q": _text,
        "country": lambda value: Organisation.country == value,
    }
    """Each filter as the SQL condition it adds to the select of organisations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = country_options(SelectChoice("", _l("All countries")))
