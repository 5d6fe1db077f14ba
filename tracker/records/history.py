"""Writing a record's history: every creation, edit and status change, never removed.

Operations call these in the same session as the change itself and only add
rows; the view commits once, so a change and its history entry land together.
"""

from datetime import date
from decimal import Decimal
from enum import Enum

from tracker.extensions import db
from tracker.workflow.models import HistoryEntry, HistoryKind


def readable(value):
    """A value as history shows it: text a person can read, JSON-safe."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(sorted(str(item) for item in value))
    return str(value)


def snapshot(record, fields):
    """The readable values of `fields` on `record`, to compare before and after an edit."""
    return {field: readable(getattr(record, field)) for field in fields}


def differences(before, after):
    """{field: [old, new]} for every field whose readable value changed."""
    return {
        field: [before.get(field), value]
        for field, value in after.items()
        if before.get(field) != value
    }


def log_history(
    record, user, kind, *, changes=None, comment=None, from_status=None, to_status=None
):
    entry = HistoryEntry(
        user_id=user.id if user is not None else None,
        kind=kind,
        changes=changes or None,
        comment=comment,
        from_status=from_status,
        to_status=to_status,
    )
    entry.record = record
    db.session.add(entry)
    return entry


def log_creation(record, user):
    return log_history(record, user, HistoryKind.CREATED, to_status=record.status)


def log_edit(record, user, before, after, comment=None):
    """An edit entry listing what changed; nothing is written when nothing changed."""
    changes = differences(before, after)
    if not changes:
        return None
    return log_history(record, user, HistoryKind.EDITED, changes=changes, comment=comment)
