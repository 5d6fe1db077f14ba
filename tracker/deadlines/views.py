"""Deadlines: everyone signed in reads those they may see; coordinators and admins manage them."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import permission_required
from tracker.deadlines import queries
from tracker.deadlines.filters import DeadlineFilterForm
from tracker.deadlines.forms import FIELDS, DeadlineForm
from tracker.deadlines.models import Deadline
from tracker.deadlines.operations import create_deadline, delete_deadline, update_deadline
from tracker.extensions import db
from tracker.kept_pages import kept_until_data_changes
from tracker.listing import paginated
from tracker.records.changes import changes_of, field_labels
from tracker.records.history import snapshot
from tracker.records.stale import commit_unless_stale, refuse_stale
from tracker.submissions import commit_created, replayed

bp = Blueprint("deadlines", __name__, url_prefix="/deadlines")


@bp.route("/")
@permission_required("use_tracker")
@kept_until_data_changes
def index():
    filters = DeadlineFilterForm(current_user)
    query = filters.apply(queries.deadlines_query(current_user))
    when = filters.when.data
    pagination = paginated(queries.in_order(query, when))
    return render_template(
        "deadlines/index.html", filters=filters, when=when, pagination=pagination
    )


@bp.route("/new", methods=["GET", "POST"])
@permission_required("manage_deadlines")
def create():
    form = DeadlineForm()
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit():
        deadline = create_deadline(form.values(), current_user)
        commit_created(form, url_for(".edit", deadline_id=deadline.id))
        flash(_("Deadline “%(title)s” created.", title=deadline.title), "success")
        return redirect(url_for(".index"))
    return _render_form(form, None)


@bp.route("/<int:deadline_id>/edit", methods=["GET", "POST"])
@permission_required("manage_deadlines")
def edit(deadline_id):
    deadline = db.session.get(Deadline, deadline_id) or abort(404)
    form = DeadlineForm(data=DeadlineForm.data_of(deadline))
    if form.validate_on_submit():
        if not commit_unless_stale(
            deadline,
            form.version.data,
            lambda: update_deadline(deadline, form.values(), current_user),
        ):
            return _render_stale(form, deadline_id)
        flash(_("Deadline “%(title)s” saved.", title=deadline.title), "success")
        return redirect(url_for(".index"))
    return _render_form(form, deadline)


@bp.route("/<int:deadline_id>/delete", methods=["GET", "POST"])
@permission_required("manage_deadlines")
def delete(deadline_id):
    """GET asks for confirmation; POST deletes (CSRFProtect has checked its token)."""
    deadline = db.session.get(Deadline, deadline_id) or abort(404)
    if request.method == "POST":
        title = deadline.title
        delete_deadline(deadline, current_user)
        db.session.commit()
        flash(_("Deadline “%(title)s” deleted.", title=title), "success")
        return redirect(url_for(".index"))
    return render_template("deadlines/delete.html", deadline=deadline)


def _render_stale(form, deadline_id):
    """The form as typed, the deadline as saved meanwhile, and a version to save against."""
    current = db.session.get(Deadline, deadline_id, populate_existing=True) or abort(404)
    shown = [name.removesuffix("_id") for name in FIELDS]
    labels = {name.removesuffix("_id"): label for name, label in field_labels(form).items()}
    stale = refuse_stale(form, current, snapshot(current, shown), labels)
    return _render_form(form, current, status=409, stale=stale)


def _render_form(form, deadline, status=None, stale=None):
    status = status or (422 if form.errors else 200)
    changes = changes_of(deadline) if deadline is not None else []
    page = render_template(
        "deadlines/form.html", form=form, deadline=deadline, stale=stale, changes=changes
    )
    return page, status
