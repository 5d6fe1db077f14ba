"""Friendly error pages: a person always learns what happened and where to go next."""

import contextlib

from flask import current_app, g, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from tracker.extensions import db

DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeoutError)
"""What the database driver raises when the server cannot be reached or is overloaded."""

ERROR_PAGES = {
    400: (_l("Bad request"), _l("The request could not be understood.")),
    403: (_l("Not allowed"), _l("You do not have permission to do this.")),
    404: (_l("Not found"), _l("There is no page here, or it is not yours to see.")),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    409: (_l("Conflict"), _l("Someone else changed this meanwhile.")),
    413: (_l("File too large"), _l("The file is larger than the upload limit.")),
    429: (_l("Too many attempts"), _l("Please wait a minute and try again.")),
    500: (_l("Something went wrong"), _l("The error has been logged. Please try again later.")),
    503: (
        _l("tracker is unavailable"),
        _l("The database cannot be reached. Nothing was saved; please try again in a few minutes."),
    ),
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

    def handle_database_down(error):
        """A page that needs neither the database nor the signed-in user (loading them is
        what failed): the request goes on as anonymous, shown in the browser's language.

        Flask-Login keeps the request's user in `g._login_user` and loads it from the
        database only while that is unset; setting it keeps the session cookie intact, so
        the person is still signed in once the database is back.
        """
        current_app.logger.error("database unavailable: %s", error)
        g._login_user = current_app.login_manager.anonymous_user()
        with contextlib.suppress(DATABASE_DOWN):
            db.session.rollback()
        return _render(503)

    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(500, handle_server_error)
    for exception in DATABASE_DOWN:
        app.register_error_handler(exception, handle_database_down)
    for code in ERROR_PAGES:
        if code not in (500, 503):
            app.register_error_handler(code, lambda error, code=code: _render(code))
