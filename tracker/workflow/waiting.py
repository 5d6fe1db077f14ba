"""How long a record has waited for a decision: counted one way on every page.

The review queue and the dashboard once counted differently (elapsed 24-hour
periods against the server's calendar date), so one record waited 42 days in one
and 43 in the other. Both now count calendar days in the office's time zone:
submitted yesterday at 23:30 is one day, whatever the hour now.
"""

from datetime import UTC

from flask_babel import to_user_timezone

from tracker.i18n import office_today


def days_waiting(since, today=None):
    """Calendar days from `since` (a UTC timestamp) to `today`, in the office's time zone."""
    if since is None:
        return None
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return ((today or office_today()) - to_user_timezone(since).date()).days
