"""Saving a list's filter under a name, deleting it, and choosing the columns a list shows.

All three are small POST forms on the list page; each goes back to the list. A view name
the form refuses goes back too, with what was typed and the reason kept for that one page
(the list shows them next to the field), so the list keeps its filters, sort and page.
"""

from urllib.parse import parse_qsl, urlencode

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

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

REFUSED_VIEW = "refused_view"
"""The session key that carries a refused view's typed values and messages to the list."""

KEPT_TYPED = 4 * VIEW_NAME
"""How much of a refused name is carried back: more than a person types in the field, little
enough for the session cookie."""

NAME_MESSAGE = _l("Give the view a name (at most %(max)d characters).", max=VIEW_NAME)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class SavedViewForm(Form):
    name = StringField(
        _l("Name of this view"),
        id="view-name",
        filters=[_strip],
        render_kw={"maxlength": VIEW_NAME},
        validators=[DataRequired(NAME_MESSAGE), Length(max=VIEW_NAME, message=NAME_MESSAGE)],
    )
    shared = BooleanField(_l("Share with the office"), id="view-shared")
    query = HiddenField(
        validators=[
            Length(max=NOTE_TEXT, message=_l("These filters are too long to keep as a view."))
        ]
    )

    def __init__(self, *args, owner=None, list_name=None, **kwargs):
        """`owner`, `list_name`: whose views of which list a new name must differ from."""
        super().__init__(*args, **kwargs)
        self.owner, self.list_name = owner, list_name

    def validate_name(self, field):
        if self.owner is not None and _own_view(self.owner, self.list_name, field.data):
            raise ValidationError(
                _(
                    "You already have a view called “%(name)s”: choose another name, or "
                    "delete that view first.",
                    name=field.data,
                )
            )


def _own_view(user, list_name, name):
    return db.session.scalar(
        sa.select(SavedView.id).filter_by(user_id=user.id, list_name=list_name, name=name)
    )


def _refused_form(list_name):
    """The view form as refused on the way here (typed values and messages), once, else empty."""
    refused = session.get(REFUSED_VIEW)
    if not refused or refused.get("list_name") != list_name:
        return SavedViewForm(formdata=None)
    session.pop(REFUSED_VIEW)
    form = SavedViewForm(formdata=None, data={"name": refused["name"], "shared": refused["shared"]})
    form.name.errors = refused["errors"]
    return form


def _keep_refused(form, list_name):
    session[REFUSED_VIEW] = {
        "list_name": list_name,
        "name": (form.name.raw_data or [""])[0][:KEPT_TYPED],
        "shared": bool(form.shared.data),
        "errors": [str(message) for message in (*form.name.errors, *form.query.errors)],
    }


def list_settings(user, list_name):
    """What a list page shows of the person's settings: their views, the columns they hide."""
    return {
        "saved_views": views_for(user, list_name),
        "hidden": hidden_columns(user, list_name),
        "columns": OPTIONAL_COLUMNS[list_name],
        "view_form": _refused_form(list_name),
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
    form = SavedViewForm(owner=current_user, list_name=list_name)
    query = drop_nul(form.query.data or "")
    back = url_for(LIST_ENDPOINTS[list_name], **_args(query))
    if not form.validate_on_submit():
        _keep_refused(form, list_name)
        return redirect(back)
    view = SavedView(
        user_id=current_user.id,
        list_name=list_name,
        name=form.name.data,
        query=query,
        shared=form.shared.data,
    )
    db.session.add(view)
    try:
        db.session.commit()
    except IntegrityError:  # the same name saved at the same moment from another tab
        db.session.rollback()
        form.validate()
        _keep_refused(form, list_name)
        return redirect(back)
    flash(_("View “%(name)s” saved.", name=view.name), "success")
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
