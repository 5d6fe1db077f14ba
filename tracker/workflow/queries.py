"""Read-only questions about the workflow: the review queue, a record's activity."""

from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.auth.models import User
from tracker.documents.models import Attachment
from tracker.extensions import db
from tracker.workflow.models import Comment, HistoryEntry
from tracker.workflow.states import Status
from tracker.workflow.transitions import WAITING_FOR_OFFICE


class QueueRow(NamedTuple):
    """A record in the review queue, as the queue and the dashboard show it."""

    kind: str
    id: int
    label: str
    status: Status
    owner: str
    grant_waiting_for: str | None
    waiting_since: datetime


def _waiting_keys(model, link_column, faculty):
    """(kind, id, waiting_since) of one kind's waiting records: waiting since the last
    submission, else the last change.

    Read from the index on (status, faculty, updated_at) and one seek per record in the
    index on history (record, to_status, created_at), so that ordering every waiting
    record costs no table row; `queue_rows` reads the rows of one page.
    """
    submitted = (
        sa.select(sa.func.max(HistoryEntry.created_at))
        .where(link_column == model.id, HistoryEntry.to_status == Status.SUBMITTED)
        .scalar_subquery()
    )
    keys = sa.select(
        sa.literal(model.__tablename__).label("kind"),
        model.id.label("id"),
        sa.func.coalesce(submitted, model.updated_at).label("waiting_since"),
    ).where(model.status.in_(WAITING_FOR_OFFICE))
    return keys.where(model.faculty == faculty) if faculty else keys


def _waiting_models():
    from tracker.mobilities.models import Mobility
    from tracker.projects.models import Project

    return Project, Mobility


def review_queue(faculty=None):
    """Projects and mobilities waiting for a coordinator, oldest first: a select of keys
    (kind, id, waiting_since) to page; `queue_rows` gives a page's rows."""
    Project, Mobility = _waiting_models()
    union = sa.union_all(
        _waiting_keys(Project, HistoryEntry.project_id, faculty),
        _waiting_keys(Mobility, HistoryEntry.mobility_id, faculty),
    ).subquery()
    return sa.select(union).order_by(union.c.waiting_since, union.c.kind, union.c.id)


def queue_rows(keys):
    """The queue's rows for `keys` (rows of `review_queue`), in their order: one statement.

    Rows (kind, id, label, status, owner, waiting_since, grant_waiting_for);
    `grant_waiting_for` is the unit-cost figure a mobility's grant waits for (NULL for
    projects), so that the queue marks what the office has to enter first.
    """
    keys = list(keys)
    if not keys:
        return []
    Project, Mobility = _waiting_models()

    def rows(model, label, grant_waiting_for):
        ids = [key.id for key in keys if key.kind == model.__tablename__]
        return (
            sa.select(
                sa.literal(model.__tablename__).label("kind"),
                model.id.label("id"),
                label.label("label"),
                model.status.label("status"),
                User.full_name.label("owner"),
                grant_waiting_for.label("grant_waiting_for"),
            )
            .join(User, User.id == model.owner_id)
            .where(model.id.in_(ids))
        )

    found = {
        (row.kind, row.id): row
        for row in db.session.execute(
            sa.union_all(
                rows(
                    Project,
                    sa.func.coalesce(Project.acronym, Project.title),
                    sa.null().cast(sa.String(80)),
                ),
                rows(Mobility, Mobility.participant_name, Mobility.grant_waiting_for),
            )
        )
    }
    return [
        QueueRow(**found[key.kind, key.id]._asdict(), waiting_since=key.waiting_since)
        for key in keys
        if (key.kind, key.id) in found
    ]


def review_queue_count(faculty=None):
    """How many records `review_queue(faculty)` holds, counted on the status index alone
    (no history, no sort)."""

    def waiting(model):
        conditions = [model.status.in_(WAITING_FOR_OFFICE)]
        if faculty:
            conditions.append(model.faculty == faculty)
        return sa.select(sa.func.count()).select_from(model).where(*conditions).scalar_subquery()

    Project, Mobility = _waiting_models()
    return sa.select(waiting(Project) + waiting(Mobility))


def record_activity(record):
    """History and comments merged newest first, and the documents: three statements."""
    link = "project_id" if record.__tablename__ == "projects" else "mobility_id"
    history = db.session.scalars(
        sa.select(HistoryEntry)
        .where(getattr(HistoryEntry, link) == record.id)
        .options(selectinload(HistoryEntry.user))
    ).all()
    comments = db.session.scalars(
        sa.select(Comment)
        .where(getattr(Comment, link) == record.id)
        .options(selectinload(Comment.author))
    ).all()
    documents = db.session.scalars(
        sa.select(Attachment)
        .where(getattr(Attachment, link) == record.id)
        .options(selectinload(Attachment.uploaded_by))
        .order_by(Attachment.created_at.desc(), Attachment.id.desc())
    ).all()
    entries = sorted(
        [*history, *comments], key=lambda item: (item.created_at, item.id), reverse=True
    )
    return entries, documents
