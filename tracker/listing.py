"""What every list page shares: filters in the URL, sorting by any column, pages.

A list is one SELECT (already restricted by `visible()` and the filters); this
module orders and pages it, so a list costs the same two queries (rows and
count) whatever the data size. Filters, sort and page live in the query
string, so a filtered view can be bookmarked and shared.
"""

import sqlalchemy as sa
from flask import current_app, request, url_for

from tracker.columns import MAX_ID
from tracker.extensions import db
from tracker.form_base import Form


class FilterForm(Form):
    """A GET form: reads request.args, needs no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    def __init__(self, *args, **kwargs):
        super().__init__(request.args, *args, **kwargs)

    def validate(self, extra_validators=None):
        """A value that does not parse (a hand-edited URL, an empty select) is dropped, not
        shown as an error: a filter narrows the list, it never refuses to show it."""
        super().validate(extra_validators)
        for field in self:
            if field.errors or _out_of_range(field.data):
                field.data = None
                field.errors = []
        return True


def _out_of_range(value):
    """An integer no column holds (a hand-edited URL): the database would refuse it."""
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ID


def contains(column, text):
    """Case-insensitive substring match for every free-text search: the % and _ a person
    types match themselves, never "anything"."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.func.lower(column).like(f"%{escaped}%", escape="\\")


def sort_key(sortable, default):
    """The requested sort ("title" or "-title") if it names a sortable column, else `default`."""
    requested = request.args.get("sort", "")
    return requested if requested.lstrip("-") in sortable else default


def sorted_by(query, sortable, key, tie_breaker):
    """Order `query` by `key`; `tie_breaker` (the id) keeps pages stable."""
    column = sortable[key.lstrip("-")]
    ordering = column.desc() if key.startswith("-") else column.asc()
    return query.order_by(ordering.nulls_last(), tie_breaker)


PAGE_SIZES = (25, 50, 100, 200)
"""The rows per page a list offers (`per_page` in the query string); anything else: the default."""


def page_size():
    """The page size asked for, if the list offers it; else the configured default."""
    requested = request.args.get("per_page", "")
    if requested.isdigit() and int(requested) in PAGE_SIZES:
        return int(requested)
    return current_app.config["PER_PAGE"]


def paginated(query):
    """One page of `query`; a page number out of range gives the last page, never a 404."""
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        page = 1
    per_page = page_size()
    page = min(page, MAX_ID // per_page)
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    if page > 1 and not pagination.items and pagination.pages:
        pagination = db.paginate(query, page=pagination.pages, per_page=per_page)
    return pagination


def url_with(**changes):
    """This page's URL with some query parameters changed (None removes one)."""
    args = request.args.to_dict(flat=False)
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def export_url(endpoint):
    """The CSV export of this list: the same filters and sort, no page."""
    args = request.args.to_dict(flat=False)
    args.pop("page", None)
    return url_for(endpoint, **args)
