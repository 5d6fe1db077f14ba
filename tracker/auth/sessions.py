"""How Flask-Login finds the signed-in user."""

from tracker.auth.models import User
from tracker.extensions import db


def load_user(user_id):
    try:
        return db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None
