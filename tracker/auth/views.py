"""Sign in, sign out, and the signed-in user's preferences."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_required, login_user, logout_user

from tracker.auth.forms import LoginForm, PreferencesForm
from tracker.auth.models import User, normalise_email
from tracker.enums import Language
from tracker.extensions import db, limiter

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


def login_rate_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_rate_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = db.session.scalar(
            db.select(User).where(User.email == normalise_email(form.email.data))
        )
        if user is None or not user.check_password(form.password.data):
            if user is None:
                _UNKNOWN_USER.check_password(form.password.data)
            form.password.errors.append(_("The e-mail address or the password is wrong."))
        elif not user.active:
            form.email.errors.append(
                _("This account has been deactivated. Ask the international office.")
            )
        else:
            login_user(user, remember=form.remember.data)
            refresh()  # the flash below speaks the user's language, not the browser's
            flash(_("Signed in as %(name)s.", name=user.full_name), "success")
            return redirect(safe_next(form.next.data) or url_for("main.home"))
    status = 200 if not form.errors else 422
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/preferences", methods=["GET", "POST"])
@login_required
def preferences():
    form = PreferencesForm(language=current_user.language.value)
    if form.validate_on_submit():
        current_user.language = Language(form.language.data)
        db.session.commit()
        flash(_("Your preferences have been saved."), "success")
        return redirect(url_for("auth.preferences"))
    return render_template("auth/preferences.html", form=form)
