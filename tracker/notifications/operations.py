"""Who hears about what: the owner about their record, coordinators about submissions and
requests for a grant set by hand."""

from flask import has_request_context
from flask_babel import force_locale
from flask_babel import gettext as _

from tracker.auth.models import User
from tracker.auth.permissions import roles_allowed
from tracker.extensions import db
from tracker.i18n import mail_language
from tracker.notifications.mail import mail_configured, queue_mail
from tracker.notifications.models import Notification, NotificationKind
from tracker.records.loading import record_url
from tracker.workflow.states import Status


def _notify(recipients, record, actor, kind, status=None):
    """One notification per person (never the actor, never an inactive account)."""
    told = {actor.id}
    for recipient in recipients:
        if recipient.id in told or not recipient.active:
            continue
        told.add(recipient.id)
        notification = Notification(
            user_id=recipient.id, actor_id=actor.id, kind=kind, status=status
        )
        notification.record = record
        db.session.add(notification)
        _queue_mail(recipient, record, actor, kind, status)


def _queue_mail(recipient, record, actor, kind, status):
    if not mail_configured():
        return
    with force_locale(mail_language(recipient)):
        subject = _("tracker: %(record)s — %(what)s", record=str(record), what=kind.label)
        if status is not None:
            body = _(
                "%(actor)s changed the status of %(record)s to: %(status)s.",
                actor=actor.full_name,
                record=str(record),
                status=status.label,
            )
        elif kind is NotificationKind.GRANT_OVERRIDDEN:
            body = _(
                "%(actor)s set the grant of %(record)s by hand.",
                actor=actor.full_name,
                record=str(record),
            )
        elif kind is NotificationKind.OVERRIDE_REQUESTED:
            body = _(
                "%(actor)s asks a coordinator to set the grant of %(record)s by hand.",
                actor=actor.full_name,
                record=str(record),
            )
        else:
            body = _("%(actor)s wrote about %(record)s.", actor=actor.full_name, record=str(record))
        # A link needs the request's host; a command line change mails without one.
        link = record_url(record, _external=True) if has_request_context() else ""
        queue_mail(db.session, recipient.email, subject, f"{body}\n\n{link}\n")


def coordinators():
    """Whoever may review (coordinators and admins): they hear of submissions."""
    return db.session.scalars(
        db.select(User)
        .where(User.role.in_(roles_allowed("review")), User.active.is_(True))
        .order_by(User.id)
    ).all()


def notify_status_change(record, actor, status):
    _notify([record.owner], record, actor, NotificationKind.STATUS_CHANGED, status)
    if status is Status.SUBMITTED:
        _notify(coordinators(), record, actor, NotificationKind.SUBMITTED, status)


def notify_comment(record, author):
    _notify([record.owner], record, author, NotificationKind.COMMENTED)


def notify_grant_override(record, actor):
    """A coordinator set (or changed, or removed) the grant by hand: the owner hears of it."""
    _notify([record.owner], record, actor, NotificationKind.GRANT_OVERRIDDEN)


def notify_override_request(record, author):
    """A comment asks for the grant to be set by hand: the coordinators and the owner hear of it."""
    _notify([*coordinators(), record.owner], record, author, NotificationKind.OVERRIDE_REQUESTED)
