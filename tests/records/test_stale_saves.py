"""Every editable record refuses a save from an outdated form the same way: 409, the one
message, the record as saved meanwhile, and the form still holding what the person typed."""

import html.parser
import re
from datetime import date

import pytest
import sqlalchemy as sa

from tests.factories import (
    make_deadline,
    make_mobility,
    make_organisation,
    make_project,
    seed_unit_costs,
)
from tracker.erasmus.actions import Action
from tracker.erasmus.models import UnitCostRate, UnitCostYear
from tracker.extensions import db
from tracker.workflow.states import Status

REFUSAL = "Someone else saved this record while you were editing it."
SAVED_HEADING = "The version saved meanwhile"


class EditForm(html.parser.HTMLParser):
    """The values a browser would send from the page's form that carries a version."""

    def __init__(self, page):
        super().__init__()
        self.forms, self.current, self.select, self.textarea = [], None, None, None
        self.feed(page)
        (self.values,) = [form for form in self.forms if "version" in form]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {}
        elif self.current is None:
            return
        elif tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.current[attrs["name"]] = attrs.get("value", "")
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select:
            if "selected" in attrs or self.select not in self.current:
                self.current[self.select] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.current[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.current[self.textarea] += data.removeprefix("\r\n").removeprefix("\n")

    def handle_endtag(self, tag):
        if tag == "form" and self.current is not None:
            self.forms.append(self.current)
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def a_project(coordinator):
    return make_project(coordinator), "title", "/projects/{id}/edit"


def a_mobility(coordinator):
    seed_unit_costs()
    project = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    mobility = make_mobility(coordinator, project, make_organisation(country="FI"))
    return mobility, "participant_name", "/mobilities/{id}/edit"


def an_organisation(coordinator):
    return make_organisation(), "name", "/organisations/{id}/edit"


def a_deadline(coordinator):
    return make_deadline(), "title", "/deadlines/{id}/edit"


def a_unit_cost(coordinator):
    seed_unit_costs()
    rate = db.session.scalar(
        sa.select(UnitCostRate)
        .join(UnitCostRate.year)
        .where(UnitCostYear.call_year == 2023, UnitCostRate.key == "staff_per_day.2")
    )
    return rate, "source", "/unit-costs/2023/rates/{id}"


@pytest.mark.parametrize(
    "record_of", [a_project, a_mobility, an_organisation, a_deadline, a_unit_cost]
)
def test_a_save_from_an_outdated_form_is_refused_the_same_way(
    coordinator_client, coordinator, record_of
):
    record, field, url = record_of(coordinator)
    url = url.format(id=record.id)
    typed = EditForm(coordinator_client.get(url).get_data(as_text=True)).values
    typed |= {field: "Typed while the other saved", "reason": "Checked again"}

    setattr(record, field, "Saved by the other person")  # someone saves meanwhile
    db.session.commit()
    response = coordinator_client.submit(url, typed)

    page = response.get_data(as_text=True)
    assert response.status_code == 409, re.findall(r'class="error"[^>]*>([^<]*)', page)
    assert page.count(REFUSAL) == 1
    assert SAVED_HEADING in page
    assert "Saved by the other person" in page.split(SAVED_HEADING, 1)[1].split("<form", 1)[0]
    assert EditForm(page).values[field] == "Typed while the other saved"
    db.session.expire_all()
    assert getattr(record, field) == "Saved by the other person"
