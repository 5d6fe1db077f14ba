"""The home page, per role: staff see their own work; the office sees the dashboard."""

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.auth.permissions import is_office
from tracker.reports.dashboard import staff_home
from tracker.reports.views import dashboard_page

bp = Blueprint("main", __name__)


@bp.route("/")
@login_required
def home():
    """Coordinators and admins work from the dashboard; staff from their records and dates."""
    if is_office(current_user):
        return dashboard_page(title=_("Home"))
    return render_template("main/home.html", data=staff_home(current_user))
