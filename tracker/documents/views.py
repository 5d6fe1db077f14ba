"""Upload, download and delete a record's documents; only for people who may see the record."""

from flask import Blueprint, abort, flash, redirect, send_file
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import can, permission_required
from tracker.documents import storage
from tracker.documents.forms import UploadForm
from tracker.documents.models import Attachment
from tracker.documents.operations import DocumentRefused, add_document, delete_document
from tracker.extensions import db
from tracker.records.loading import load_record_for, record_url
from tracker.submissions import commit_created, replayed

bp = Blueprint("documents", __name__)


@bp.route("/records/<kind>/<int:record_id>/documents", methods=["POST"])
@permission_required("use_tracker")
def upload(kind, record_id):
    record = load_record_for(current_user, kind, record_id)
    if not can(current_user, "upload", record):
        abort(403)
    form = UploadForm()
    if earlier := replayed(form):
        return earlier
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return redirect(record_url(record, _anchor="documents"))
    try:
        attachment = add_document(record, current_user, form.file.data, form.kind.data)
    except DocumentRefused as refusal:
        db.session.rollback()
        flash(refusal.message, "error")
        return redirect(record_url(record, _anchor="documents"))
    commit_created(form, record_url(record, _anchor="documents"))
    flash(_("%(name)s uploaded.", name=attachment.original_name), "success")
    return redirect(record_url(record, _anchor="documents"))


def _attachment_for(user, attachment_id):
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or not can(user, "view", attachment.record):
        abort(404)
    return attachment


@bp.route("/documents/<int:attachment_id>")
@permission_required("use_tracker")
def download(attachment_id):
    attachment = _attachment_for(current_user, attachment_id)
    path = storage.path_of(attachment.stored_name)
    if not path.is_file():
        abort(404)
    return send_file(
        path,
        mimetype=attachment.content_type,
        as_attachment=True,
        download_name=attachment.original_name,
        max_age=0,
    )


@bp.route("/documents/<int:attachment_id>/delete", methods=["POST"])
@permission_required("use_tracker")
def delete(attachment_id):
    attachment = _attachment_for(current_user, attachment_id)
    record = attachment.record
    if not can(current_user, "delete_document", record):
        abort(403)
    name = attachment.original_name
    stored_name = delete_document(attachment, current_user)
    db.session.commit()
    storage.remove(stored_name)
    flash(_("%(name)s deleted.", name=name), "success")
    return redirect(record_url(record, _anchor="documents"))
