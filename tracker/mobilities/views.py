"""Pages for mobilities (being built)."""

from flask import Blueprint
from flask_login import login_required

bp = Blueprint("mobilities", __name__, url_prefix="/mobilities")


@bp.route("/")
@login_required
def index():
    return ""
