"""Build records for tests with sensible defaults; every argument can be overridden."""

import itertools

from tracker.auth.models import User
from tracker.enums import Role
from tracker.extensions import db

DEFAULT_PASSWORD = "correct horse battery staple"
_sequence = itertools.count(1)


def make_user(role=Role.STAFF, password=DEFAULT_PASSWORD, **fields):
    number = next(_sequence)
    fields.setdefault("email", f"user{number}@example.edu")
    fields.setdefault("full_name", f"User {number}")
    fields.setdefault("faculty", "Faculty of Science")
    user = User(role=role, **fields)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user
