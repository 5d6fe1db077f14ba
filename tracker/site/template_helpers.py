"""What every template may use: the permission check, formatters, the navigation."""

from flask_babel import format_decimal, get_locale
from flask_login import current_user

from tracker.auth.permissions import can, navigation_for
from tracker.documents.models import DocumentKind
from tracker.i18n import short_date, short_datetime
from tracker.list_settings.views import current_query, view_url
from tracker.listing import PAGE_SIZES, export_url, page_size, url_with
from tracker.notifications.queries import unread_count
from tracker.records.changes import field_labels
from tracker.records.downloads import xlsx_url
from tracker.records.loading import record_url
from tracker.submissions import new_token
from tracker.workflow.permissions import available_transitions
from tracker.workflow.queries import record_activity
from tracker.workflow.waiting import days_waiting


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
        xlsx_url=xlsx_url,
        days_waiting=days_waiting,
        page_size=page_size,
        current_query=current_query,
        view_url=view_url,
        page_sizes=PAGE_SIZES,
        record_url=record_url,
        field_labels=field_labels,
        available_transitions=available_transitions,
        record_activity=record_activity,
        document_kinds=DocumentKind.choices,
        one_time_token=new_token,
    )
    app.jinja_env.filters.update(
        money=money,
        date=short_date,
        datetime=short_datetime,
    )

    @app.context_processor
    def inject_user():
        unread = unread_count(current_user) if current_user.is_authenticated else 0
        return {"current_user": current_user, "unread_notifications": unread}
