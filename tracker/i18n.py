"""Which language and time zone a request is shown in."""

from flask import current_app, has_request_context, request
from flask_login import current_user


def select_locale():
    """The user's own preference first, then the browser's Accept-Language.

    Outside a request (a command, a script) the default language.
    """
    if not has_request_context():
        return None
    if current_user and current_user.is_authenticated:
        return current_user.language.value
    return request.accept_languages.best_match(current_app.config["LANGUAGES"])


def select_timezone():
    """Timestamps are stored in UTC and shown in the office's time zone."""
    return current_app.config["OFFICE_TIMEZONE"]
