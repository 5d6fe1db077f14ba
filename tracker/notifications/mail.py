"""E-mail, sent only after the transaction that caused it has committed.

Operations queue messages on the database session; an `after_commit` hook
sends them, and an `after_rollback` hook drops them. A mail server that is
down is logged and never undoes the change the mail was about.
"""

import logging
import re
import smtplib
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import event

log = logging.getLogger(__name__)
OUTBOX = "tracker_outbox"


def mail_configured():
    return bool(current_app.config.get("MAIL_SERVER"))


def one_line(text):
    """`text` as a header may hold it: every run of whitespace or control characters becomes one
    space. A title with a line break (typed before input was checked, or saved by a script)
    would otherwise make the header refuse it, and so the change it is about."""
    return re.sub(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text).strip()


def queue_mail(session, to, subject, body):
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = one_line(subject)
    message.set_content(body)
    session.info.setdefault(OUTBOX, []).append(message)


def send(messages, config):
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            for message in messages:
                smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("could not send %d notification e-mail(s)", len(messages))


def _send_outbox(session):
    messages = session.info.pop(OUTBOX, [])
    if messages:
        send(messages, current_app.config)


def _drop_outbox(session):
    session.info.pop(OUTBOX, None)


def register_mail_hooks(session_factory):
    """Once per process: every app made (tests make several) shares the session class."""
    for name, hook in (("after_commit", _send_outbox), ("after_rollback", _drop_outbox)):
        if not event.contains(session_factory, name, hook):
            event.listen(session_factory, name, hook)
