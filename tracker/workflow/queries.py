"""Read-only questions about the workflow: the review queue, a record's activity."""

import functools
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import aliased, selectinload

from tracker.auth.models import User
from tracker.dialect_only import not_indexed
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


@functools.cache
def _later_entry():
    """History under a second name, made once (after every model is mapped): a new alias
    per request costs milliseconds to build."""
    return aliased(HistoryEntry, name="later_entry")


def _waiting_keys(model, link_column, faculty, first):
    """Selects of (kind, id, waiting_since) of one kind's waiting records: waiting since the
    last submission, else since the last change.

    The whole queue's first `first` rows (a page's end; None: every row) are read in time
    order, in two selects that each stop after `first` rows: the last submissions, walking
    the history's index on (status, time, record); the records never submitted, walking
    the records' index on (time of change, id). A page then costs the same however many
    records wait. One faculty's queue (or every row) is read record by record instead, from
    the index on (status, faculty, updated_at), with one seek each in the history's index
    on (record, status, time): a faculty's few records, where a walk in time order could
    pass every other faculty's first.
    """
    waiting = [model.status.in_(WAITING_FOR_OFFICE)]
    kind = sa.literal(model.__tablename__).label("kind")
    is_submission = HistoryEntry.to_status == Status.SUBMITTED
    if faculty or first is None:
        submitted = (
            sa.select(sa.func.max(HistoryEntry.created_at))
            .where(link_column == model.id, is_submission)
            .scalar_subquery()
        )
        since = sa.func.coalesce(submitted, model.updated_at).label("waiting_since")
        faculty_only = [model.faculty == faculty] if faculty else []
        return [sa.select(kind, model.id.label("id"), since).where(*waiting, *faculty_only)]
    later = _later_entry()
    last_submission = ~sa.exists().where(
        getattr(later, link_column.key) == link_column,
        later.to_status == Status.SUBMITTED,
        sa.or_(
            later.created_at > HistoryEntry.created_at,
            sa.and_(later.created_at == HistoryEntry.created_at, later.id > HistoryEntry.id),
        ),
    )
    submitted = (
        sa.select(kind, model.id.label("id"), HistoryEntry.created_at.label("waiting_since"))
        .select_from(HistoryEntry)
        .join(model, link_column == model.id)
        .where(is_submission, last_submission, *waiting)
        .order_by(HistoryEntry.created_at, link_column)
    )
    never_submitted = (
        sa.select(kind, model.id.label("id"), model.updated_at.label("waiting_since"))
        .where(
            # Walk the index on (updated_at, id), not the status index's 20,000 rows.
            not_indexed(model.status).in_(WAITING_FOR_OFFICE),
            ~sa.exists().where(link_column == model.id, is_submission),
        )
        .order_by(model.updated_at, model.id)
    )
    return [_first(submitted, first), _first(never_submitted, first)]


def _first(select, first):
    """The first `first` rows of `select`, as a part of a UNION (SQLite wants it wrapped)."""
    return sa.select(select.limit(first).subquery())


def _waiting_models():
    from tracker.mobilities.models import Mobility
    from tracker.projects.models import Project

    return Project, Mobility


def review_queue(faculty=None, first=None):
    """Projects and mobilities waiting for a coordinator, oldest first: a select of keys
    (kind, id, waiting_since) to page; `queue_rows` gives a page's rows. `first`: how many
    rows from the start the caller reads (a page's end), which keeps it cheap."""
    Project, Mobility = _waiting_models()
    union = sa.union_all(
        *_waiting_keys(Project, HistoryEntry.project_id, faculty, first),
        *_waiting_keys(Mobility, HistoryEntry.mobility_id, faculty, first),
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
