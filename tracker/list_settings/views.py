"""Saving a list's filter under a name, deleting it, and choosing the columns a list shows.

All three are small POST forms on the list page; each goes back to the list.
"""

from urllib.parse import parse_qsl, urlencode

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import DataRequired, Length

from tracker.auth.permissions import permission_required
from tracker.column_types import NOTE_TEXT
from tracker.extensions import db
from tracker.form_base import Form, drop_nul
from tracker.list_settings.columns import OPTIONAL_COLUMNS, hidden_columns, hide_columns
from tracker.list_settings.models import VIEW_NAME, SavedView

bp = Blueprint("list_settings", __name__, url_prefix="/lists")

LIST_ENDPOINTS = {"mobilities": "mobilities.index", "projects": "projects.index"}
NOT_KEPT = {"page", "csrf_token"}
"""Query parameters a saved view leaves out: it opens on its first page."""


class SavedViewForm(Form):
    name = StringField(_l("Name of this view"), validators=[DataRequired(), Length(max=VIEW_NAME)])
    shared = BooleanField(_l("Share with the office"))
    query = HiddenField(validators=[Length(max=NOTE_TEXT)])


def list_settings(user, list_name):
    """What a list page shows of the person's settings: their views, the columns they hide."""
    return {
        "saved_views": views_for(user, list_name),
        "hidden": hidden_columns(user, list_name),
        "columns": OPTIONAL_COLUMNS[list_name],
    }


def views_for(user, list_name):
    """The person's own views of a list, then those others share, by name."""
    return db.session.scalars(
        sa.select(SavedView)
        .where(
            SavedView.list_name == list_name,
            sa.or_(SavedView.user_id == user.id, SavedView.shared.is_(True)),
        )
        .order_by((SavedView.user_id != user.id), SavedView.name, SavedView.id)
    ).all()


def current_query():
    """This page's query string as a saved view keeps it."""
    return urlencode([(k, v) for k, v in request.args.items(multi=True) if k not in NOT_KEPT and v])


def view_url(view):
    return url_for(LIST_ENDPOINTS[view.list_name], **_args(view.query))


def _args(query):
    args = {}
    for name, value in parse_qsl(query):
        args.setdefault(name, []).append(value)
    return args


def _list_or_404(list_name):
    if list_name not in LIST_ENDPOINTS:
        abort(404)
    return list_name


@bp.route("/<list_name>/views", methods=["POST"])
@permission_required("use_tracker")
def save_view(list_name):
    _list_or_404(list_name)
    form = SavedViewForm()
    query = drop_nul(form.query.data or "")
    if not form.validate_on_submit():
        flash(_("Give the view a name (at most %(max)d characters).", max=VIEW_NAME), "error")
        return redirect(url_for(LIST_ENDPOINTS[list_name], **_args(query)))
    name = form.name.data.strip()
    view = db.session.scalar(
        sa.select(SavedView).filter_by(user_id=current_user.id, list_name=list_name, name=name)
    )
    if view is None:
        view = SavedView(user_id=current_user.id, list_name=list_name, name=name)
        db.session.add(view)
    view.query = query
    view.shared = form.shared.data
    db.session.commit()
    flash(_("View “%(name)s” saved.", name=name), "success")
    return redirect(view_url(view))


@bp.route("/views/<int:view_id>/delete", methods=["POST"])
@permission_required("use_tracker")
def delete_view(view_id):
    view = db.session.get(SavedView, view_id)
    if view is None or view.user_id != current_user.id:
        abort(404)
    if not Form().validate_on_submit():
        abort(400)
    list_name, name = view.list_name, view.name
    db.session.delete(view)
    db.session.commit()
    flash(_("View “%(name)s” deleted.", name=name), "success")
    return redirect(url_for(LIST_ENDPOINTS[list_name]))


@bp.route("/<list_name>/columns", methods=["POST"])
@permission_required("use_tracker")
def choose_columns(list_name):
    _list_or_404(list_name)
    if not Form().validate_on_submit():
        abort(400)
    shown = [
        name for name in request.form.getlist("columns") if name in OPTIONAL_COLUMNS[list_name]
    ]
    hide_columns(current_user, list_name, shown)
    db.session.commit()
    flash(_("Columns chosen."), "success")
    return redirect(
        url_for(LIST_ENDPOINTS[list_name], **_args(drop_nul(request.form.get("query", ""))))
    )
