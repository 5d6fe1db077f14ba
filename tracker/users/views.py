"""Admins manage accounts: create, change role and language, deactivate, reset a password."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from tracker.auth.forms import UserForm
from tracker.auth.models import User, normalise_email
from tracker.auth.permissions import permission_required
from tracker.enums import Role
from tracker.extensions import db
from tracker.i18n import chosen_language, language_choice
from tracker.records.changes import SECRET_CHANGED, ChangeKind, changes_of, log_change, snapshot
from tracker.submissions import commit_created, replayed

bp = Blueprint("users", __name__, url_prefix="/users")

TRACED = ("email", "full_name", "role", "faculty", "language", "active")
"""The account's fields its change trail follows (a new password shows as changed, hidden)."""


@bp.route("/")
@permission_required("manage_users")
def index():
    users = db.session.scalars(db.select(User).order_by(User.full_name)).all()
    return render_template("users/index.html", users=users)


@bp.route("/new", methods=["GET", "POST"])
@permission_required("manage_users")
def create():
    form = UserForm()
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit() and _email_is_free(form) and _password_given(form):
        user = User(password_hash="")  # nosec B106 (replaced by the form's password at once)
        _apply(form, user)
        db.session.add(user)
        log_change(user, current_user, ChangeKind.CREATED, after=snapshot(user, TRACED))
        commit_created(form, url_for("users.edit", user_id=user.id))
        flash(_("Account %(email)s created.", email=user.email), "success")
        return redirect(url_for("users.index"))
    return render_template("users/form.html", form=form, user=None), 422 if form.errors else 200


@bp.route("/<int:user_id>", methods=["GET", "POST"])
@permission_required("manage_users")
def edit(user_id):
    user = db.session.get(User, user_id) or abort(404)
    form = UserForm(obj=user) if request.method == "GET" else UserForm()
    if request.method == "GET":
        form.role.data = user.role.value
        form.language.data = language_choice(user.language)
    if form.validate_on_submit() and _email_is_free(form, user) and _keeps_an_admin(form, user):
        before = snapshot(user, TRACED)
        _apply(form, user)
        after = snapshot(user, TRACED)
        if form.password.data:
            before["password"], after["password"] = SECRET_CHANGED
        log_change(user, current_user, ChangeKind.EDITED, before, after)
        db.session.commit()
        if user.id == current_user.id:
            login_user(user)  # an admin who reset their own password stays signed in here
        flash(_("Account %(email)s saved.", email=user.email), "success")
        return redirect(url_for("users.index"))
    page = render_template("users/form.html", form=form, user=user, changes=changes_of(user))
    return page, 422 if form.errors else 200


def _apply(form, user):
    user.email = form.email.data
    user.full_name = form.full_name.data.strip()
    user.role = Role(form.role.data)
    user.faculty = (form.faculty.data or "").strip() or None
    user.language = chosen_language(form.language.data)
    user.active = form.active.data
    if form.password.data:
        user.set_password(form.password.data)


def _email_is_free(form, user=None):
    existing = db.session.scalar(
        db.select(User).where(User.email == normalise_email(form.email.data))
    )
    if existing is not None and existing is not user:
        form.email.errors.append(_("Another account already uses this e-mail address."))
        return False
    return True


def _password_given(form):
    if not form.password.data:
        form.password.errors.append(_("A new account needs a password."))
        return False
    return True


def _keeps_an_admin(form, user):
    """An admin cannot take away their own admin role or access: someone must remain."""
    if user.id != current_user.id:
        return True
    if form.role.data != Role.ADMIN.value or not form.active.data:
        form.role.errors.append(_("You cannot remove your own administrator access."))
        return False
    return True


from tracker.users import personal_data_views  # noqa: E402, F401  (routes on this blueprint)
