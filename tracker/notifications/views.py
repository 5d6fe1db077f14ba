"""The signed-in user's notifications."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import permission_required
from tracker.column_types import utcnow
from tracker.extensions import db
from tracker.notifications.models import Notification
from tracker.notifications.queries import recent_notifications
from tracker.records.loading import record_url

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.route("/")
@permission_required("use_tracker")
def index():
    return render_template(
        "notifications/index.html", notifications=recent_notifications(current_user)
    )


@bp.route("/<int:notification_id>/open", methods=["POST"])
@permission_required("use_tracker")
def open_one(notification_id):
    """Mark one notification read and go to its record."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != current_user.id:
        abort(404)
    notification.read_at = notification.read_at or utcnow()
    db.session.commit()
    return redirect(record_url(notification.record))


@bp.route("/read", methods=["POST"])
@permission_required("use_tracker")
def read_all():
    db.session.execute(
        sa.update(Notification)
        .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    flash(_("All notifications are marked as read."), "success")
    return redirect(url_for("notifications.index"))
