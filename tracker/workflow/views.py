"""Taking a transition, commenting, and the coordinators' review queue."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import can, permission_required
from tracker.extensions import db
from tracker.form_base import drop_nul
from tracker.kept_pages import kept_until_data_changes
from tracker.listing import paginated, rows_to_page_end
from tracker.records.loading import load_record_for, record_url
from tracker.submissions import commit_created, replayed
from tracker.workflow.forms import CommentForm, TransitionForm
from tracker.workflow.operations import TransitionRefused, add_comment, transition_record
from tracker.workflow.permissions import may_take
from tracker.workflow.queries import queue_rows, review_queue, review_queue_count
from tracker.workflow.transitions import TRANSITIONS_BY_NAME

bp = Blueprint("workflow", __name__)


@bp.route("/records/<kind>/<int:record_id>/transitions/<name>", methods=["POST"])
@permission_required("use_tracker")
def transition(kind, record_id, name):
    record = load_record_for(current_user, kind, record_id)
    form = TransitionForm()
    if not form.validate_on_submit():
        abort(400)
    chosen = TRANSITIONS_BY_NAME.get(name)
    if _asks_first(chosen, record) and not form.confirm.data:
        return render_template(
            "workflow/confirm.html", record=record, transition=chosen, kind=kind, form=form
        )
    try:
        taken = transition_record(
            record, name, current_user, comment=form.comment.data, seen_version=form.version.data
        )
    except TransitionRefused as refusal:
        db.session.rollback()
        if refusal.status == 422 and not refusal.problems:
            form.comment.errors = [refusal.message]
        if refusal.problems and can(current_user, "edit", record):
            return redirect(_edit_url(record, kind))
        return render_template(
            "workflow/refused.html",
            record=record,
            refusal=refusal,
            transition=TRANSITIONS_BY_NAME.get(name),
            form=form,
        ), refusal.status
    db.session.commit()
    flash(
        _(
            "%(action)s: done. The record is now %(status)s.",
            action=taken.label,
            status=taken.target.label,
        ),
        "success",
    )
    return redirect(record_url(record))


def _asks_first(transition, record):
    """An action that ends the record, open to this person now: confirmed before it is taken
    (one they may not take is refused at once, as any other)."""
    return (
        transition is not None
        and transition.destructive
        and may_take(current_user, transition, record)
    )


def _edit_url(record, kind):
    """The record's form with what is missing for submission marked beside the fields."""
    if kind == "projects":
        return url_for("projects.edit", project_id=record.id, missing=1)
    return url_for("mobilities.edit", mobility_id=record.id, missing=1)


@bp.route("/records/<kind>/<int:record_id>/comments", methods=["POST"])
@permission_required("use_tracker")
def comment(kind, record_id):
    record = load_record_for(current_user, kind, record_id)
    if not can(current_user, "comment", record):
        abort(403)
    form = CommentForm()
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit():
        add_comment(record, current_user, form.body.data, form.asks_for_override.data)
        commit_created(form, record_url(record, _anchor="activity"))
        flash(_("Your comment has been added."), "success")
    else:
        flash(_("Write a comment before sending it."), "error")
    return redirect(record_url(record, _anchor="activity"))


@bp.route("/review")
@permission_required("review")
@kept_until_data_changes
def queue():
    faculty = drop_nul(request.args.get("faculty", "")) or None
    pagination = paginated(
        review_queue(faculty, first=rows_to_page_end()),
        rows=True,
        count=review_queue_count(faculty),
    )
    return render_template(
        "workflow/review.html",
        pagination=pagination,
        rows=queue_rows(pagination.items),
        faculty=faculty,
    )
