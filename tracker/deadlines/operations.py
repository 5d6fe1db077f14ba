"""Creating, changing and deleting deadlines, each with its trace (records/changes.py);
the view commits. An edit from a stale form is refused by the view (records/stale.py).
"""

from tracker.deadlines.models import Deadline
from tracker.extensions import db
from tracker.records.changes import ChangeKind, log_change, snapshot

TRACED = ("title", "kind", "due_date", "project_id", "notes")


def create_deadline(values, user):
    deadline = Deadline(created_by_id=user.id, **values)
    db.session.add(deadline)
    db.session.flush()
    log_change(deadline, user, ChangeKind.CREATED, after=snapshot(deadline, values))
    return deadline


def update_deadline(deadline, values, user):
    before = snapshot(deadline, values)
    for field, value in values.items():
        setattr(deadline, field, value)
    db.session.flush()
    log_change(deadline, user, ChangeKind.EDITED, before, snapshot(deadline, values))
    return deadline


def delete_deadline(deadline, user):
    """The trace keeps what was deleted: every field's last value."""
    before = snapshot(deadline, TRACED)
    log_change(deadline, user, ChangeKind.DELETED, before, dict.fromkeys(before))
    db.session.delete(deadline)
    db.session.flush()
