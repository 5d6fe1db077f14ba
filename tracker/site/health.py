"""`/healthz`: whether this worker can serve, for load balancers and monitoring.

Open without sign-in and cheap: one trivial query proves the database answers.
Never cached, so a proxy cannot report a dead worker as healthy.
"""

from flask import Blueprint, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from tracker.extensions import db, limiter

bp = Blueprint("health", __name__)


@bp.route("/healthz")
@limiter.exempt
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        current_app.logger.exception("health check: the database does not answer")
        db.session.rollback()
        return _plain("database unavailable\n", 503)
    return _plain("ok\n", 200)


def _plain(body, status):
    return body, status, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
