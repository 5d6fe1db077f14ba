"""Creating, changing and deleting deadlines; the view commits.

Deadlines have no history entries (the history table hangs on projects and
mobilities only, see tracker/record_link.py); an edit from a stale form is refused by
the version check in the view.
"""

from tracker.deadlines.models import Deadline
from tracker.extensions import db


def create_deadline(values, user):
    deadline = Deadline(created_by_id=user.id, **values)
    db.session.add(deadline)
    db.session.flush()
    return deadline


def update_deadline(deadline, values):
    for field, value in values.items():
        setattr(deadline, field, value)
    db.session.flush()
    return deadline


def delete_deadline(deadline):
    db.session.delete(deadline)
    db.session.flush()
