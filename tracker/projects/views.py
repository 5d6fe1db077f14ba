"""Pages for projects (being built)."""

from flask import Blueprint
from flask_login import login_required

bp = Blueprint("projects", __name__, url_prefix="/projects")


@bp.route("/")
@login_required
def index():
    return ""
