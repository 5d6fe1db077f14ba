"""Pages for organisations (being built)."""

from flask import Blueprint
from flask_login import login_required

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


@bp.route("/")
@login_required
def index():
    return ""
