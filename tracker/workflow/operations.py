"""Moving a record through the workflow, and talking about it.

Each operation changes the record, writes its history and its notifications
in the caller's session and flushes; the view commits once, then sends mail.
"""

from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from tracker.extensions import db
from tracker.notifications.operations import (
    notify_comment,
    notify_override_request,
    notify_status_change,
)
from tracker.records.history import log_history
from tracker.workflow.completeness import missing_for_submission
from tracker.workflow.models import Comment, HistoryKind
from tracker.workflow.permissions import may_take
from tracker.workflow.states import Status
from tracker.workflow.transitions import TRANSITIONS_BY_NAME, Actor


class TransitionRefused(Exception):
    """The transition cannot be taken; `status` is the HTTP status to answer with."""

    def __init__(self, message, status, problems=()):
        super().__init__(message)
        self.message = message
        self.status = status
        self.problems = list(problems)


def transition_record(record, name, user, *, comment="", seen_version=None):
    """Take transition `name` on `record` for `user`, or raise TransitionRefused.

    `seen_version` is the version the user's page showed: a decision taken on a
    record that changed meanwhile is refused, and of two simultaneous decisions
    the version check in the UPDATE lets exactly one through. A decision taken
    straight from "submitted" records the start of the review first, as its own
    history entry, so the record's history reads as if both steps were taken.
    """
    transition = TRANSITIONS_BY_NAME.get(name)
    if transition is None:
        raise TransitionRefused(_("There is no such action."), 404)
    if not may_take(user, transition, record):
        raise _refusal(transition, record, user)
    if seen_version is not None and str(seen_version) != str(record.version):
        raise TransitionRefused(
            _("Someone changed this record meanwhile. Look at its new state and try again."), 409
        )
    comment = (comment or "").strip()
    if transition.needs_comment and not comment:
        raise TransitionRefused(
            _("Say why in a comment: %(action)s needs one.", action=transition.label), 422
        )
    if transition.checks_completeness:
        problems = missing_for_submission(record)
        if problems:
            raise TransitionRefused(
                _("The record cannot be submitted yet:"), 422, problems=problems
            )
    previous = record.status
    if transition.passes_review and previous is Status.SUBMITTED:
        log_history(
            record, user, HistoryKind.STATUS, from_status=previous, to_status=Status.IN_REVIEW
        )
        previous = Status.IN_REVIEW
    record.status = transition.target
    log_history(
        record,
        user,
        HistoryKind.STATUS,
        from_status=previous,
        to_status=transition.target,
        comment=comment or None,
    )
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        raise TransitionRefused(
            _("Someone else decided on this record at the same moment; their decision stands."),
            409,
        ) from None
    notify_status_change(record, user, transition.target)
    db.session.flush()
    return transition


def _refusal(transition, record, user):
    if record.status not in transition.sources:
        return TransitionRefused(
            _(
                "This record is %(status)s: %(action)s is not possible now.",
                status=record.status.label,
                action=transition.label,
            ),
            409,
        )
    if transition.actor is Actor.OWNER:
        return TransitionRefused(_("Only the owner of the record may do this."), 403)
    return TransitionRefused(_("Only a coordinator may do this."), 403)


def add_comment(record, user, body, asks_for_override=False):
    """A comment on the record; one asking for a mobility's grant to be set by hand reaches
    the coordinators too."""
    asks_for_override = asks_for_override and record.__tablename__ == "mobilities"
    comment = Comment(author_id=user.id, body=body.strip(), asks_for_override=asks_for_override)
    comment.record = record
    db.session.add(comment)
    if asks_for_override:
        notify_override_request(record, user)
    else:
        notify_comment(record, user)
    db.session.flush()
    return comment
