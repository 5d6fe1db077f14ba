"""The columns of each list a person may hide, and which ones they hide."""

from flask_babel import lazy_gettext as _l

from tracker.extensions import db
from tracker.list_settings.models import ListColumns

OPTIONAL_COLUMNS = {
    "mobilities": {
        "activity": _l("Activity type"),
        "flow": _l("Flow"),
        "partner": _l("Partner"),
        "country": _l("Country"),
        "project": _l("Project"),
        "call_year": _l("Call year"),
        "start": _l("Start"),
        "end": _l("End"),
        "grant": _l("Grant"),
        "status": _l("Status"),
        "owner": _l("Owner"),
    },
    "projects": {
        "acronym": _l("Acronym"),
        "action": _l("Action"),
        "call_year": _l("Call year"),
        "status": _l("Status"),
        "owner": _l("Owner"),
        "faculty": _l("Faculty"),
        "start_date": _l("Start date"),
        "end_date": _l("End date"),
        "requested_amount": _l("Requested"),
        "awarded_amount": _l("Awarded"),
        "priorities": _l("Priorities"),
    },
}
"""{list: {column: label}}; the first column (participant, title) always shows."""


def hidden_columns(user, list_name):
    row = db.session.get(ListColumns, (user.id, list_name))
    return frozenset(row.hidden) if row else frozenset()


def hide_columns(user, list_name, shown):
    """Keep the choice: every optional column not in `shown` is hidden from now on."""
    hidden = sorted(set(OPTIONAL_COLUMNS[list_name]) - set(shown))
    row = db.session.get(ListColumns, (user.id, list_name))
    if row is None:
        row = ListColumns(user_id=user.id, list_name=list_name)
        db.session.add(row)
    row.hidden = hidden
