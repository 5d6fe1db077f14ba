"""Sign in, sign out, and the signed-in user's preferences."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_user, logout_user

from tracker.auth.forms import ChangePasswordForm, LoginForm, PreferencesForm
from tracker.auth.models import User, normalise_email
from tracker.auth.permissions import permission_required
from tracker.auth.throttle import count_failure, sign_in_allowed
from tracker.extensions import db
from tracker.i18n import chosen_language, language_choice

bp = Blueprint("auth", __name__)

# Checked against when the e-mail is unknown, so that a wrong e-mail takes as
# long as a wrong password and timing does not tell which accounts exist.
_UNKNOWN_USER = User(password_hash="scrypt:32768:8:1$x$" + "0" * 128)


def safe_next(target):
    """Only a path on this site: never another host, scheme or protocol-relative URL."""
    if not target:
        return None
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(char) < 32 for char in target):
        return None
    return target


def _checked_user(form):
    """The account whose right password was typed; None (and a counted failure) otherwise.

    A throttled attempt is refused before the password is even checked, and looks
    exactly like a wrong password.
    """
    email = normalise_email(form.email.data)
    if not sign_in_allowed(email):
        _UNKNOWN_USER.check_password(form.password.data)
        user = None
    else:
        user = db.session.scalar(db.select(User).where(User.email == email))
        if user is None:
            _UNKNOWN_USER.check_password(form.password.data)
        elif not user.check_password(form.password.data):
            user = None
    if user is None:
        count_failure(email)
        form.password.errors.append(_("The e-mail address or the password is wrong."))
    return user


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = _checked_user(form)
        if user is not None and not user.active:
            form.email.errors.append(
                _("This account has been deactivated. Ask the international office.")
            )
        elif user is not None:
            session.permanent = True  # ends after IDLE_TIMEOUT_HOURS without a request
            login_user(user, remember=form.remember.data)
            refresh()  # the flash below speaks the user's language, not the browser's
            flash(_("Signed in as %(name)s.", name=user.full_name), "success")
            return redirect(safe_next(form.next.data) or url_for("main.home"))
    status = 200 if not form.errors else 422
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@permission_required("use_tracker")
def logout():
    """Signing out ends every session of the person: copies of their cookies stop working."""
    current_user.end_sessions()
    db.session.commit()
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/preferences", methods=["GET", "POST"])
@permission_required("use_tracker")
def preferences():
    form = PreferencesForm(language=language_choice(current_user.language))
    if form.validate_on_submit():
        current_user.language = chosen_language(form.language.data)
        db.session.commit()
        flash(_("Your preferences have been saved."), "success")
        return redirect(url_for("auth.preferences"))
    return render_template("auth/preferences.html", form=form)


@bp.route("/password", methods=["GET", "POST"])
@permission_required("use_tracker")
def change_password():
    """The person's own password; every other session of theirs ends, this one goes on."""
    form = ChangePasswordForm(current_user)
    if form.validate_on_submit():
        current_user.set_password(form.password.data)
        db.session.commit()
        session.permanent = True
        login_user(current_user._get_current_object())
        flash(_("Your password has been changed."), "success")
        return redirect(url_for("auth.preferences"))
    status = 422 if form.errors else 200
    return render_template("auth/password.html", form=form), status
