"""The input rules of the Form base class hold for every form: each text field has a maximum
length, and where the field fills a column, the column's length is the same."""

import pytest
from wtforms.fields.core import UnboundField

from tracker.auth.forms import ChangePasswordForm, UserForm
from tracker.auth.models import User
from tracker.deadlines.forms import DeadlineForm
from tracker.deadlines.models import Deadline
from tracker.erasmus.models import UnitCostChange, UnitCostYear
from tracker.erasmus.unit_cost_forms import NewCallYearForm, RateCorrectionForm
from tracker.form_base import max_length_of, text_kind
from tracker.mobilities.forms import MobilityForm
from tracker.mobilities.models import Mobility
from tracker.organisations.forms import OrganisationForm
from tracker.organisations.models import Organisation
from tracker.projects.forms import ProjectForm
from tracker.projects.models import Project
from tracker.workflow.forms import CommentForm, TransitionForm
from tracker.workflow.models import Comment, HistoryEntry

# (form, field) -> the column it fills. PIC, OID and country are left out: their own checks
# allow exactly the column's format (9 characters, 2 letters).
FIELD_COLUMNS = {
    (UserForm, "email"): User.email,
    (UserForm, "full_name"): User.full_name,
    (UserForm, "faculty"): User.faculty,
    (ProjectForm, "title"): Project.title,
    (ProjectForm, "acronym"): Project.acronym,
    (ProjectForm, "grant_agreement_number"): Project.grant_agreement_number,
    (ProjectForm, "faculty"): Project.faculty,
    (ProjectForm, "summary"): Project.summary,
    (MobilityForm, "participant_name"): Mobility.participant_name,
    (MobilityForm, "participant_email"): Mobility.participant_email,
    (MobilityForm, "faculty"): Mobility.faculty,
    (MobilityForm, "grant_override_reason"): Mobility.grant_override_reason,
    (OrganisationForm, "name"): Organisation.name,
    (OrganisationForm, "erasmus_code"): Organisation.erasmus_code,
    (OrganisationForm, "city"): Organisation.city,
    (DeadlineForm, "title"): Deadline.title,
    (DeadlineForm, "notes"): Deadline.notes,
    (CommentForm, "body"): Comment.body,
    (TransitionForm, "comment"): HistoryEntry.comment,
    (NewCallYearForm, "sources"): UnitCostYear.sources,
    (NewCallYearForm, "reason"): UnitCostChange.reason,
    (RateCorrectionForm, "reason"): UnitCostChange.reason,
}


def declared(form_class, name):
    """(field class, declared maximum length) of a form's field, before any form is made."""
    unbound = getattr(form_class, name)
    assert isinstance(unbound, UnboundField)
    probe = type("Probe", (), {"validators": unbound.kwargs.get("validators", [])})
    return unbound.field_class, max_length_of(probe)


@pytest.mark.parametrize("form_field", sorted(FIELD_COLUMNS, key=lambda k: (k[0].__name__, k[1])))
def test_a_text_field_allows_what_its_column_holds(form_field):
    _field_class, max_length = declared(*form_field)
    assert max_length == FIELD_COLUMNS[form_field].type.length


def test_every_text_column_a_form_fills_is_bounded():
    for column in FIELD_COLUMNS.values():
        assert column.type.length, f"{column} has no length"


@pytest.mark.parametrize("name", ["current", "password", "confirm"])
def test_password_fields_are_single_line_and_bounded(name):
    field_class, max_length = declared(ChangePasswordForm, name)
    assert text_kind(field_class) == "single"
    assert max_length is None or max_length <= 200
