"""How Flask-Login finds the signed-in user: by the session token the cookie carries.

The token changes on sign-out, password change, role change and deactivation
(see User), so a session or remember cookie made before then finds nobody.
"""

from tracker.auth.models import User
from tracker.extensions import db


def load_user(session_token):
    if not session_token:
        return None
    return db.session.scalar(db.select(User).where(User.session_token == session_token))
