"""Uploading a document to a record."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired

from tracker.documents.models import DocumentKind
from tracker.form_base import Form, SelectField
from tracker.submissions import OneTimeToken


class UploadForm(OneTimeToken, Form):
    kind = SelectField(_l("Kind of document"), choices=DocumentKind.choices())
    file = FileField(
        _l("File"),
        validators=[FileRequired(_l("Choose a file to upload."))],
        description=_l("PDF, image, Word, Excel or OpenDocument file."),
    )
