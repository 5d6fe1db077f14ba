"""Which language and time zone a request is shown in, and how its dates read."""

from datetime import UTC, datetime

from flask import current_app, has_request_context, request
from flask_babel import format_date, format_datetime, get_locale, to_user_timezone
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker.enums import Language

AUTOMATIC = "auto"
"""The language choice that follows the browser (stored as None)."""

DATE_FORMATS = {"en": "d MMM y", "nl": "d MMM y"}
DATETIME_FORMATS = {"en": "d MMM y, HH:mm", "nl": "d MMM y HH:mm"}
"""British style for English ("16 Jun 2027, 10:00"), the Dutch one for Dutch ("16 jun
2027 10:00"): day before month, a 24-hour clock, no seconds. Babel's "medium" for "en"
is American ("Jun 16, 2027, 10:00:00 AM")."""


def select_locale():
    """The user's own choice first, then the browser's Accept-Language.

    Outside a request (a command, a script) the default language.
    """
    if not has_request_context():
        return None
    if current_user and current_user.is_authenticated and current_user.language:
        return current_user.language.value
    return request.accept_languages.best_match(current_app.config["LANGUAGES"])


def select_timezone():
    """Timestamps are stored in UTC and shown in the office's time zone."""
    return current_app.config["OFFICE_TIMEZONE"]


def office_today():
    """Today's date in the office's time zone."""
    return to_user_timezone(datetime.now(UTC)).date()


def language_choices():
    """The language field's choices: the browser's language, then each language."""
    return [(AUTOMATIC, _l("The browser's language"))] + Language.choices()


def language_choice(language):
    """The field value for a stored language (None: follow the browser)."""
    return language.value if language else AUTOMATIC


def chosen_language(value):
    """The stored language for a field value: None for the browser's."""
    return None if value == AUTOMATIC else Language(value)


def mail_language(user):
    """A mail has no browser: the person's choice, else the default language."""
    return user.language.value if user.language else current_app.config["BABEL_DEFAULT_LOCALE"]


def _language():
    return getattr(get_locale(), "language", None) or "en"


def short_date(value):
    """A date as the reader's language writes it: "16 Jun 2027", "16 jun 2027"."""
    if not value:
        return ""
    return format_date(value, DATE_FORMATS.get(_language(), DATE_FORMATS["en"]))


def short_datetime(value):
    """A moment in the office's time zone: "16 Jun 2027, 10:00", "16 jun 2027 10:00"."""
    if not value:
        return ""
    return format_datetime(value, DATETIME_FORMATS.get(_language(), DATETIME_FORMATS["en"]))
