"""The home page, per role: staff see their own work; the office sees the dashboard."""

from flask import Blueprint, current_app, render_template, send_from_directory
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import can, permission_required
from tracker.kept_pages import kept_until_data_changes
from tracker.reports.dashboard import staff_home
from tracker.reports.views import dashboard_page

bp = Blueprint("main", __name__)


@bp.route("/")
@permission_required("use_tracker")
@kept_until_data_changes
def home():
    """Coordinators and admins work from the dashboard; staff from their records and dates."""
    if can(current_user, "see_dashboard"):
        return dashboard_page(title=_("Home"))
    return render_template("main/home.html", data=staff_home(current_user))


@bp.route("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page says; open to everyone, cached a day."""
    return send_from_directory(
        current_app.static_folder, "favicon.ico", mimetype="image/vnd.microsoft.icon", max_age=86400
    )
