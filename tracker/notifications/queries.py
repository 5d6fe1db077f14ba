"""A user's notifications and how many are unread."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.notifications.models import Notification

SHOWN = 100


def unread_count(user):
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def recent_notifications(user):
    """The newest notifications with their records and actors: a fixed number of statements."""
    return db.session.scalars(
        sa.select(Notification)
        .where(Notification.user_id == user.id)
        .options(
            selectinload(Notification.actor),
            selectinload(Notification.project),
            selectinload(Notification.mobility),
        )
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(SHOWN)
    ).all()
