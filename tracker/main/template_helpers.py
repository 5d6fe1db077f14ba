"""What every template may use: the permission check, formatters, the navigation."""

from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker.auth.permissions import can
from tracker.documents.models import DocumentKind
from tracker.enums import Role
from tracker.list_settings.views import current_query, view_url
from tracker.listing import PAGE_SIZES, export_url, page_size, url_with
from tracker.notifications.queries import unread_count
from tracker.submissions import new_token
from tracker.workflow.permissions import available_transitions
from tracker.workflow.queries import record_activity
from tracker.workflow.records import record_url

# (endpoint, label, least role): the navigation, by role.
NAVIGATION = [
    ("main.home", _l("Home"), Role.STAFF),
    ("projects.index", _l("Projects"), Role.STAFF),
    ("mobilities.index", _l("Mobilities"), Role.STAFF),
    ("organisations.index", _l("Partner organisations"), Role.STAFF),
    ("reports.index", _l("Reports"), Role.STAFF),
    ("deadlines.index", _l("Deadlines"), Role.STAFF),
    ("workflow.queue", _l("Review queue"), Role.COORDINATOR),
    ("unit_costs.index", _l("Unit costs"), Role.COORDINATOR),
    ("users.index", _l("Users"), Role.ADMIN),
]


def navigation_for(user):
    if not user.is_authenticated:
        return []
    return [(endpoint, label) for endpoint, label, role in NAVIGATION if user.has_role(role)]


def money(amount):
    """Euro with two decimals in the reader's language; empty for no amount."""
    if amount is None:
        return ""
    return "€ " + format_decimal(amount, format="#,##0.00")


def register(app):
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        can=can,
        navigation_for=navigation_for,
        get_locale=get_locale,
        url_with=url_with,
        export_url=export_url,
        page_size=page_size,
        current_query=current_query,
        view_url=view_url,
        page_sizes=PAGE_SIZES,
        record_url=record_url,
        available_transitions=available_transitions,
        record_activity=record_activity,
        document_kinds=DocumentKind.choices,
        one_time_token=new_token,
    )
    app.jinja_env.filters.update(
        money=money,
        date=lambda value: format_date(value, "medium") if value else "",
        datetime=lambda value: format_datetime(value, "medium") if value else "",
    )

    @app.context_processor
    def inject_user():
        unread = unread_count(current_user) if current_user.is_authenticated else 0
        return {"current_user": current_user, "unread_notifications": unread}
