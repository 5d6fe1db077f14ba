"""Read-only questions about the workflow: the review queue, a record's activity."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.auth.models import User
from tracker.documents.models import Attachment
from tracker.extensions import db
from tracker.workflow.models import Comment, HistoryEntry
from tracker.workflow.states import Status
from tracker.workflow.transitions import WAITING_FOR_OFFICE


def _queue_select(model, label, link_column, grant_waiting_for):
    """Waiting records of one kind, with when they were last submitted.

    `grant_waiting_for`: the unit-cost figure a mobility's grant waits for (NULL for
    projects), so that the queue marks what the office has to enter first.
    """
    submitted = (
        sa.select(link_column.label("record_id"), sa.func.max(HistoryEntry.created_at).label("at"))
        .where(HistoryEntry.to_status == Status.SUBMITTED, link_column.is_not(None))
        .group_by(link_column)
        .subquery()
    )
    return (
        sa.select(
            sa.literal(model.__tablename__).label("kind"),
            model.id.label("id"),
            label.label("label"),
            model.status.label("status"),
            User.full_name.label("owner"),
            sa.func.coalesce(submitted.c.at, model.updated_at).label("waiting_since"),
            grant_waiting_for.label("grant_waiting_for"),
        )
        .join(User, User.id == model.owner_id)
        .outerjoin(submitted, submitted.c.record_id == model.id)
        .where(model.status.in_(WAITING_FOR_OFFICE))
    )


def review_queue(faculty=None):
    """Projects and mobilities waiting for a coordinator, oldest first: one select of rows
    (the page pages it)."""
    from tracker.mobilities.models import Mobility
    from tracker.projects.models import Project

    projects = _queue_select(
        Project,
        sa.func.coalesce(Project.acronym, Project.title),
        HistoryEntry.project_id,
        sa.null().cast(sa.String(80)),
    )
    mobilities = _queue_select(
        Mobility, Mobility.participant_name, HistoryEntry.mobility_id, Mobility.grant_waiting_for
    )
    if faculty:
        projects = projects.where(Project.faculty == faculty)
        mobilities = mobilities.where(Mobility.faculty == faculty)
    union = sa.union_all(projects, mobilities).subquery()
    return sa.select(union).order_by(union.c.waiting_since, union.c.kind, union.c.id)


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
