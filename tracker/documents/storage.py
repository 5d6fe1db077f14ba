"""Where uploaded files live and which ones we accept.

Files are kept outside the static folder under a random name, so nothing
uploaded is ever served as-is or reachable by guessing; the type is decided by
the file's content (its magic numbers, read by the `filetype` library), not by
the name the user's computer gave it.
"""

import os
import secrets
from pathlib import Path

import filetype
from flask import current_app

# MIME type by content -> the extensions a file of that type may carry.
ALLOWED_TYPES = {
    "application/pdf": {".pdf"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/gif": {".gif"},
    "image/webp": {".webp"},
    "application/msword": {".doc"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "application/vnd.ms-excel": {".xls"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
}
SNIFF_BYTES = 8192


def upload_folder():
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def content_type_of(head):
    """The MIME type the content shows, if it is one we accept; else None."""
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        return None
    return kind.mime


def extension_fits(filename, content_type):
    return os.path.splitext(filename)[1].lower() in ALLOWED_TYPES[content_type]


def store(stream):
    """Write the upload under a fresh random name; returns (stored name, size in bytes)."""
    stored_name = secrets.token_hex(16)
    path = upload_folder() / stored_name
    size = 0
    with path.open("wb") as target:
        while chunk := stream.read(64 * 1024):
            size += len(chunk)
            target.write(chunk)
    return stored_name, size


def path_of(stored_name):
    return upload_folder() / stored_name


def remove(stored_name):
    path_of(stored_name).unlink(missing_ok=True)
