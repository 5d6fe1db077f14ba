"""Unit costs per call year (being built)."""

from flask import Blueprint

from tracker.auth.permissions import role_required
from tracker.enums import Role

bp = Blueprint("unit_costs", __name__, url_prefix="/unit-costs")


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    return ""
