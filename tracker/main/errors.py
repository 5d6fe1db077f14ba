"""Friendly error pages: a person always learns what happened and where to go next."""

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from tracker.extensions import db

ERROR_PAGES = {
    400: (_l("Bad request"), _l("The request could not be understood.")),
    403: (_l("Not allowed"), _l("You do not have permission to do this.")),
    404: (_l("Not found"), _l("There is no page here, or it is not yours to see.")),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    409: (_l("Conflict"), _l("Someone else changed this meanwhile.")),
    413: (_l("File too large"), _l("The file is larger than the upload limit.")),
    429: (_l("Too many attempts"), _l("Please wait a minute and try again.")),
    500: (_l("Something went wrong"), _l("The error has been logged. Please try again later.")),
}


def _render(code, description=None):
    title, default_text = ERROR_PAGES[code]
    return render_template(
        "errors/error.html", code=code, title=title, text=description or default_text
    ), code


def register(app):
    def handle_csrf(error):
        return _render(400, _l("The form expired or was sent from elsewhere. Please try again."))

    def handle_server_error(error):
        db.session.rollback()
        return _render(500)

    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(500, handle_server_error)
    for code in ERROR_PAGES:
        if code != 500:
            app.register_error_handler(code, lambda error, code=code: _render(code))
