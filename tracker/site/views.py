"""The home page, per role: staff see their own work; the office sees the dashboard."""

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import can, permission_required
from tracker.reports.dashboard import staff_home
from tracker.reports.views import dashboard_page

bp = Blueprint("main", __name__)


@bp.route("/")
@permission_required("use_tracker")
def home():
    """Coordinators and admins work from the dashboard; staff from their records and dates."""
    if can(current_user, "see_dashboard"):
        return dashboard_page(title=_("Home"))
    return render_template("main/home.html", data=staff_home(current_user))
