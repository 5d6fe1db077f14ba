"""Personal data on request (GDPR articles 15 and 17): everything tracker holds about one
person, found by e-mail address, and its anonymisation.

A person can be an account (with their records, comments, history, notifications
and uploads) and a mobility participant. Anonymising replaces their name and
address wherever tracker keeps them, keeps every record, amount and status (the
figures and statistics stay right), ends the account's sessions and writes an
entry into the history of each record concerned: who did it and when.
"""

import json
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from tracker.auth.models import User, normalise_email
from tracker.documents.models import Attachment
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.notifications.models import Notification
from tracker.projects.models import Project
from tracker.records.history import log_history
from tracker.records.models import ChangedRecord, RecordChange
from tracker.workflow.models import Comment, HistoryEntry, HistoryKind

ANONYMOUS_PARTICIPANT = "Anonymised participant"
ERASED_COMMENT = "Personal data anonymised on request (GDPR article 17)."


def _label(record):
    kind = _l("Project") if isinstance(record, Project) else _l("Mobility")
    return f"{kind} {record.id}: {record}"


def account_of(email):
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def participations_of(email):
    email = normalise_email(email)
    return db.session.scalars(
        sa.select(Mobility).where(sa.func.lower(Mobility.participant_email) == email)
    ).all()


def personal_data_rows(email):
    """(what, record, field, value) for everything held about the person with `email`."""
    rows = []
    user = account_of(email)
    for mobility in participations_of(email):
        for field in ("participant_name", "participant_email", "participant_kind"):
            rows.append(
                (_l("Mobility participant"), _label(mobility), field, getattr(mobility, field))
            )
    if user is None:
        return rows
    for field in ("email", "full_name", "role", "faculty", "language", "active", "created_at"):
        rows.append((_l("Account"), "", field, getattr(user, field)))
    for model in (Project, Mobility):
        for record in db.session.scalars(sa.select(model).where(model.owner_id == user.id)):
            rows.append((_l("Owner of"), _label(record), "status", record.status))
    for comment in _by(Comment, Comment.author_id, user):
        rows.append((_l("Comment"), _label(comment.record), str(comment.created_at), comment.body))
    for entry in _by(HistoryEntry, HistoryEntry.user_id, user):
        rows.append((_l("History"), _label(entry.record), str(entry.created_at), entry.kind))
    for notification in _by(Notification, Notification.user_id, user):
        rows.append(
            (_l("Notification"), _label(notification.record), str(notification.created_at),
             notification.kind)
        )  # fmt: skip
    for document in _by(Attachment, Attachment.uploaded_by_id, user):
        value = f"{document.original_name} ({document.kind.label}, {document.size_bytes} bytes)"
        rows.append(
            (_l("Document uploaded"), _label(document.record), str(document.created_at), value)
        )
    return rows


def _by(model, column, user):
    query = (
        sa.select(model)
        .where(column == user.id)
        .options(joinedload(model.project), joinedload(model.mobility))
        .order_by(model.created_at, model.id)
    )
    return db.session.scalars(query).all()


def anonymise(email, admin):
    """Replace the person's name and address everywhere; keep every record and figure.

    Returns the number of records whose history now says so. The caller commits.
    """
    user = account_of(email)
    participations = participations_of(email)
    names = {normalise_email(email)} | {m.participant_name for m in participations}
    records = set(participations)
    for mobility in participations:
        mobility.participant_name = ANONYMOUS_PARTICIPANT
        mobility.participant_email = None
        _scrub_participant_history(mobility)
    if user is not None:
        names.add(user.full_name)
        replacement = f"Anonymised person {user.id}"
        user.full_name = replacement
        user.email = f"anonymised-{user.id}@invalid.example"
        user.active = False
        user.set_password(secrets.token_urlsafe(32))
        db.session.execute(sa.delete(Notification).where(Notification.user_id == user.id))
        _scrub_account_trail(user)
        for model in (Project, Mobility):
            records.update(db.session.scalars(sa.select(model).where(model.owner_id == user.id)))
    _scrub_texts(names - {""}, ANONYMOUS_PARTICIPANT if user is None else replacement)
    for record in records:
        log_history(record, admin, HistoryKind.EDITED, comment=ERASED_COMMENT)
    db.session.flush()
    return len(records)


def _scrub_account_trail(user):
    """Every earlier name or address of the account, in its own change trail."""
    now = {"email": user.email, "full_name": user.full_name}
    trail = sa.select(RecordChange).where(
        RecordChange.record_type == ChangedRecord.USER, RecordChange.record_id == user.id
    )
    for change in db.session.scalars(trail):
        change.record_label = user.email
        if change.changes and now.keys() & change.changes.keys():
            change.changes = {
                field: [now[field]] * len(values) if field in now else values
                for field, values in change.changes.items()
            }


PARTICIPANT_FIELDS = {"participant_name": ANONYMOUS_PARTICIPANT, "participant_email": None}


def _scrub_participant_history(mobility):
    """Every earlier name or address of the participant, in the mobility's own history."""
    entries = db.session.scalars(
        sa.select(HistoryEntry).where(
            HistoryEntry.mobility_id == mobility.id, HistoryEntry.changes.is_not(None)
        )
    )
    for entry in entries:
        if PARTICIPANT_FIELDS.keys() & entry.changes.keys():
            entry.changes = {
                field: [PARTICIPANT_FIELDS[field]] * len(values)
                if field in PARTICIPANT_FIELDS
                else values
                for field, values in entry.changes.items()
            }


def _scrub_texts(names, replacement):
    """Names and addresses in history values, comments and the change trail of accounts,
    organisations and deadlines are replaced, never deleted."""
    from tracker.listing import contains

    for name in names:
        as_json = json.dumps(name)[1:-1]  # how the changes column spells "Müller": M\u00fcller
        entries = db.session.scalars(
            sa.select(HistoryEntry).where(
                _mentioning(HistoryEntry.changes, HistoryEntry.comment, name, as_json)
            )
        )
        for entry in entries:
            entry.comment = _replaced(entry.comment, name, replacement)
            entry.changes = _scrubbed(entry.changes, name, replacement)
        for comment in db.session.scalars(sa.select(Comment).where(contains(Comment.body, name))):
            comment.body = _replaced(comment.body, name, replacement)
        changes = db.session.scalars(
            sa.select(RecordChange).where(
                _mentioning(RecordChange.changes, RecordChange.record_label, name, as_json)
            )
        )
        for change in changes:
            change.record_label = _replaced(change.record_label, name, replacement)
            change.changes = _scrubbed(change.changes, name, replacement)


def _mentioning(changes, text, name, as_json):
    """The condition "`name` is in the changes column (as typed or as JSON spells it) or in
    the text column", for the history and the change trail alike."""
    from tracker.listing import contains

    changes_text = sa.cast(changes, sa.Text)
    return sa.or_(
        contains(changes_text, name), contains(changes_text, as_json), contains(text, name)
    )


def _scrubbed(changes, name, replacement):
    """A history entry's {field: [old, new]} with `name` replaced in every value."""
    if not changes:
        return changes
    return {
        field: [_replaced(value, name, replacement) for value in values]
        for field, values in changes.items()
    }


def _replaced(text, name, replacement):
    if not isinstance(text, str):
        return text
    lowered, needle, parts, start = text.lower(), name.lower(), [], 0
    while (found := lowered.find(needle, start)) >= 0:
        parts.append(text[start:found] + replacement)
        start = found + len(needle)
    return "".join(parts) + text[start:]
