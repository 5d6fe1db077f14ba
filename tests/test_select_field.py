"""tracker's choice lists (partners, projects, countries) are written faster, never
differently: the same HTML as WTForms' own select, so what is chosen and shown stays."""

import pathlib
import re

import pytest
import wtforms
from wtforms import Form
from wtforms.fields.choices import SelectChoice

import tracker
from tracker.form_base import SelectField

CHOICES = [
    SelectChoice(0, "— choose —"),
    SelectChoice(1, 'Université "Libre" & <Co> (BE)'),
    SelectChoice(2, "Ålesund University College (NO)"),
    SelectChoice(3, "Kept, though inactive", render_kw={"disabled": True}),
]


class Both(Form):
    plain = wtforms.SelectField(coerce=int, choices=CHOICES)
    long = SelectField(coerce=int, choices=CHOICES)


@pytest.mark.parametrize("chosen", [None, 0, 1, 3])
def test_a_select_writes_the_same_html_as_wtforms(chosen):
    form = Both(data={"plain": chosen, "long": chosen})
    plain = str(form.plain()).replace('id="plain" name="plain"', "")
    long = str(form.long()).replace('id="long" name="long"', "")
    assert long == plain
    assert "&lt;Co&gt;" in long and "&#34;Libre&#34;" in long


def test_the_chosen_record_is_marked_selected():
    form = Both(data={"long": 2})
    assert '<option selected value="2">Ålesund University College (NO)</option>' in str(form.long())


def test_every_form_takes_its_select_field_from_form_base():
    """A select built with WTForms' own field would be written at three times the cost."""
    root = pathlib.Path(tracker.__file__).parent
    wtforms_select = re.compile(
        r"from wtforms import[^\n]*\bSelectField\b|^    SelectField,$", re.M
    )
    direct = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if wtforms_select.search(path.read_text(encoding="utf-8"))
    ]
    assert direct == []
