"""One transition for many records: each is checked and recorded exactly as if taken alone.

A list page posts the chosen records (or "all that match" its filters, read from the
same query string) with one transition and one comment. Every record goes through
`transition_record` in its own transaction, so one refusal never undoes the others
and each gets its own history entry and notifications.
"""

from dataclasses import dataclass, field

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, TextAreaField
from wtforms.validators import Length

from tracker.auth.permissions import can
from tracker.column_types import LONG_TEXT, as_id
from tracker.extensions import db
from tracker.form_base import Form, SelectField
from tracker.workflow.operations import TransitionRefused, transition_record
from tracker.workflow.transitions import TRANSITIONS, TRANSITIONS_BY_NAME, Actor

BULK_LIMIT = 200
"""The most records one bulk action takes: a page's worth at the largest page size, so
the request ends in seconds and the summary stays readable."""


class BulkForm(Form):
    transition = SelectField(_l("Action for the selected records"))
    comment = TextAreaField(
        _l("Reason or comment, for every record"), validators=[Length(max=LONG_TEXT)]
    )
    all_matching = BooleanField(_l("Select all that match the filters"))
    confirm = BooleanField(_l("I am sure: this cannot be undone"))

    def __init__(self, user, kind, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition.choices = [
            (transition.name, transition.label_for(kind)) for transition in offered_to(user)
        ]


def offered_to(user):
    """The transitions a person may take on some record: the office's, or an owner's."""
    actor = Actor.OFFICE if can(user, "act_on_every_record") else Actor.OWNER
    return [transition for transition in TRANSITIONS if transition.actor is actor]


@dataclass
class Outcome:
    done: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    """(record label, record, reason) for each record the transition was refused on."""


def take_for_each(records, name, user, comment):
    """Take transition `name` on every record, each in its own transaction."""
    outcome = Outcome()
    for record in records:
        label = str(record)
        try:
            transition_record(record, name, user, comment=comment)
        except TransitionRefused as refusal:
            db.session.rollback()
            reason = " ".join([refusal.message, *refusal.problems])
            outcome.refused.append((label, record, reason))
            continue
        db.session.commit()
        outcome.done.append(record)
    return outcome


def chosen_records(query, model):
    """The records the form names (ticked ids, or every one the filtered `query` holds);
    `query` is already restricted to what the person may see."""
    if request.form.get("all_matching"):
        return db.session.scalars(query.limit(BULK_LIMIT + 1)).all()
    ids = {as_id(value) for value in request.form.getlist("ids")} - {None}
    if not ids:
        return []
    return db.session.scalars(query.where(model.id.in_(ids))).all()


def bulk_page(user, kind, query, model, back_url):
    """Handle a bulk form posted from a list; the page that says what was done and refused."""
    form = BulkForm(user, kind)
    records = chosen_records(query, model)
    transition = TRANSITIONS_BY_NAME.get(form.transition.data)
    problem = None
    if not form.validate():
        problem = _l("The form was not accepted; go back to the list and try again.")
    elif transition is None:
        problem = _l("Choose an action.")
    elif not records:
        problem = _l("No record was selected: tick the records, or select all that match.")
    elif len(records) > BULK_LIMIT:
        problem = _l(
            "More than %(limit)d records are selected; narrow the filters to %(limit)d or "
            "fewer and act on them in turns.",
            limit=BULK_LIMIT,
        )
    elif transition.needs_comment and not (form.comment.data or "").strip():
        problem = _l("Say why in a comment: %(action)s needs one.", action=transition.label)
    elif transition.destructive and not form.confirm.data:
        problem = _l(
            "Tick “I am sure” to confirm: %(action)s cannot be undone.",
            action=transition.label_for(kind),
        )
    if problem is not None:
        return render_template(
            "workflow/bulk_result.html", problem=problem, back_url=back_url, outcome=None
        ), 422
    outcome = take_for_each(records, transition.name, user, form.comment.data)
    return render_template(
        "workflow/bulk_result.html",
        problem=None,
        outcome=outcome,
        transition=transition,
        kind=kind,
        back_url=back_url,
    )
