"""Who may be made owner of a record (a project, a mobility): the choices the office's forms
and the project list's owner filter offer."""

import sqlalchemy as sa

from tracker.auth.models import User
from tracker.extensions import db


def owner_choices(current_owner_id=None):
    """(id, "name (e-mail)") of the active users, by name; plus the record's current owner,
    active or not (else saving the form would silently give the record to the first user
    offered). The e-mail tells apart two people of the same name."""
    rows = db.session.execute(
        sa.select(User.id, User.full_name, User.email)
        .where(sa.or_(User.active.is_(True), User.id == current_owner_id))
        .order_by(sa.func.lower(User.full_name), User.id)
    )
    return [(id_, f"{name} ({email})") for id_, name, email in rows]
