"""Writing and reading the change trail of accounts, organisations and deadlines.

Operations call `log_change` in the same session as the change itself; the view
commits once, so a change and its trace land together (as with `history`).
"""

import sqlalchemy as sa

from tracker.extensions import db
from tracker.records.history import differences, snapshot
from tracker.records.models import ChangedRecord, ChangeKind, RecordChange

SECRET_CHANGED = ("••••••", "●●●●●●")
"""What the trail shows for a secret that changed (a password): that it did, not what."""


def label_of(record):
    """The record's name as the trail keeps it."""
    if record.__tablename__ == "users":
        return record.email
    if record.__tablename__ == "deadlines":
        return record.title
    return str(record)


def log_change(record, user, kind, before=None, after=None):
    """Add a trace of `kind` to `record` by `user`; an edit that changed nothing adds none.

    `before`, `after`: `snapshot()`s of the fields the form edits.
    """
    changes = differences(before or {}, after or {}) or None
    if kind is ChangeKind.EDITED and not changes:
        return None
    db.session.flush()  # a new record needs its id
    entry = RecordChange(
        user_id=user.id if user is not None else None,
        record_type=ChangedRecord(record.__tablename__),
        record_id=record.id,
        record_label=label_of(record)[:300],
        kind=kind,
        changes=changes,
    )
    db.session.add(entry)
    return entry


def field_labels(form):
    """{field name: its label on `form`}: the trail names fields as the form does."""
    return {name: str(field.label.text) for name, field in form._fields.items()}


def changes_of(record):
    """The record's trail, newest first."""
    return db.session.scalars(
        sa.select(RecordChange)
        .where(
            RecordChange.record_type == ChangedRecord(record.__tablename__),
            RecordChange.record_id == record.id,
        )
        .order_by(RecordChange.created_at.desc(), RecordChange.id.desc())
    ).all()


__all__ = ["SECRET_CHANGED", "ChangeKind", "changes_of", "field_labels", "log_change", "snapshot"]
