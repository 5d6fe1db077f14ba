"""The long choice lists (partners, projects, owners) are written faster, never differently:
the same HTML as WTForms' own select, so what is chosen and what is shown stay as they were."""

import pytest
from wtforms import Form, SelectField
from wtforms.fields.choices import SelectChoice

from tracker.form_base import LongSelectField

CHOICES = [
    SelectChoice(0, "— choose —"),
    SelectChoice(1, 'Université "Libre" & <Co> (BE)'),
    SelectChoice(2, "Ålesund University College (NO)"),
    SelectChoice(3, "Kept, though inactive", render_kw={"disabled": True}),
]


class Both(Form):
    plain = SelectField(coerce=int, choices=CHOICES)
    long = LongSelectField(coerce=int, choices=CHOICES)


@pytest.mark.parametrize("chosen", [None, 0, 1, 3])
def test_a_long_select_writes_the_same_html_as_wtforms(chosen):
    form = Both(data={"plain": chosen, "long": chosen})
    plain = str(form.plain()).replace('id="plain" name="plain"', "")
    long = str(form.long()).replace('id="long" name="long"', "")
    assert long == plain
    assert "&lt;Co&gt;" in long and "&#34;Libre&#34;" in long


def test_the_chosen_record_is_marked_selected():
    form = Both(data={"long": 2})
    assert '<option selected value="2">Ålesund University College (NO)</option>' in str(form.long())
