"""Adding and removing a record's documents, each recorded in its history."""

import os
import unicodedata

from flask_babel import gettext as _

from tracker.documents import storage
from tracker.documents.models import Attachment, DocumentKind
from tracker.extensions import db
from tracker.records.history import log_history
from tracker.workflow.models import HistoryKind


class DocumentRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def display_name(filename):
    """The file's own name, without any folder a browser or an attacker put in front."""
    name = os.path.basename((filename or "").replace("\\", "/"))
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip()
    return name[:255] or "document"


def add_document(record, user, upload, kind):
    """Check the upload's content, store it, and attach it to `record`."""
    head = upload.stream.read(storage.SNIFF_BYTES)
    upload.stream.seek(0)
    content_type = storage.content_type_of(head)
    name = display_name(upload.filename)
    if content_type is None:
        raise DocumentRefused(_("This file is not a PDF, image, Word, Excel or OpenDocument file."))
    if not storage.extension_fits(name, content_type):
        raise DocumentRefused(
            _("The file's name does not match its content. Rename it and try again.")
        )
    stored_name, size = storage.store(upload.stream)
    attachment = Attachment(
        kind=DocumentKind(kind),
        original_name=name,
        stored_name=stored_name,
        content_type=content_type,
        size_bytes=size,
        uploaded_by_id=user.id,
    )
    attachment.record = record
    db.session.add(attachment)
    log_history(record, user, HistoryKind.DOCUMENT_ADDED, comment=f"{name} ({kind_label(kind)})")
    db.session.flush()
    return attachment


def kind_label(kind):
    return str(DocumentKind(kind).label)


def delete_document(attachment, user):
    """Remove the row now; the caller removes the file once the deletion is committed."""
    log_history(
        attachment.record,
        user,
        HistoryKind.DOCUMENT_DELETED,
        comment=f"{attachment.original_name} ({attachment.kind.label})",
    )
    db.session.delete(attachment)
    db.session.flush()
    return attachment.stored_name
