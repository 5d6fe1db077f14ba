"""What every list page shares: filters in the URL, sorting by any column, pages.

A list is one SELECT (already restricted by `visible()` and the filters); this
module orders and pages it, so a list costs the same two queries (rows and
count) whatever the data size. Filters, sort and page live in the query
string, so a filtered view can be bookmarked and shared.
"""

import sqlalchemy as sa
from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import SelectPagination
from wtforms.fields.choices import SelectChoice

from tracker.column_types import MAX_ID
from tracker.extensions import db
from tracker.form_base import Form
from tracker.search_fold import fold

ANY = SelectChoice("", _l("Any"))
"""The first option of a filter's select: no filter."""


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

    CONDITIONS = {}
    """{filter name: function of its cleaned value giving the SQL condition it adds}:
    every list's filters in one table, which the reports reuse."""

    def chosen(self):
        """{filter: value} for the filters given with a usable value."""
        self.validate()
        return {
            name: field.data
            for name, field in self._fields.items()
            if not (field.data is None or field.data == "" or field.data is False)
            and not field.errors
        }

    def apply(self, query):
        """`query` narrowed by every chosen filter, through the form's condition table."""
        for name, value in self.chosen().items():
            if name in self.CONDITIONS:
                query = query.where(self.CONDITIONS[name](value))
        return query


def reference(value):
    """The id in a filter that names a record by id (a link: "?project=12") or by text
    (what a person types), else None: the caller then matches the text."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and int(text) <= MAX_ID else None


def _out_of_range(value):
    """An integer no column holds (a hand-edited URL): the database would refuse it."""
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ID


def contains(column, text):
    """Case- and accent-insensitive substring match for every free-text search
    ("universitat" finds "Universität", see search_fold.py): the % and _ a person
    types match themselves, never "anything"."""
    return sa.func.search_fold(column).like(sa.func.search_fold(_pattern(text)), escape="\\")


def contains_folded(search_text, text):
    """`contains` for a search column, which holds its text already folded
    (search_fold.search_column): one LIKE per row, no function call, so that a search
    reads 100,000 rows in milliseconds."""
    return search_text.like(_pattern(fold(text)), escape="\\")


def _pattern(text):
    """LIKE's "contains `text`", the % and _ in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def sort_key(sortable, default):
    """The requested sort ("title" or "-title") if it names a sortable column, else `default`."""
    requested = request.args.get("sort", "")
    return requested if requested.lstrip("-") in sortable else default


def sorted_by(query, sortable, key, tie_breaker):
    """Order `query` by `key`; `tie_breaker` (the id) keeps pages stable. It runs in the
    sort's direction, so that one index on (column, id) serves both directions."""
    column = sortable[key.lstrip("-")]
    if key.startswith("-"):
        return query.order_by(column.desc().nulls_last(), tie_breaker.desc())
    return query.order_by(column.asc().nulls_last(), tie_breaker)


PAGE_SIZES = (25, 50, 100, 200)
"""The page sizes a list offers (?per_page=); anything else gives the configured default."""


class EntityPagination(SelectPagination):
    """Pages of a select of entities, counted cheaply: the count selects no column of the
    joined tables (SQLite then leaves out the left joins no filter needs), not every one.

    Given `keys` (a select of the entities' ids, in the list's order, joining only what
    its filters and sort read), the page's ids are found first, in that narrow select, and
    only those rows are read whole: a sort over 100,000 rows then orders index entries,
    not every column of every joined table."""

    def _query_items(self):
        keys = self._query_args.get("keys")
        if keys is None:
            return super()._query_items()
        page = keys.limit(self.per_page).offset(self._query_offset).correlate(None)
        select = self._query_args["select"].where(keys.selected_columns[0].in_(page))
        return list(self._query_args["session"].execute(select).unique().scalars())

    def _query_count(self):
        if self._query_args.get("count_select") is not None:
            return db.session.scalar(self._query_args["count_select"])
        select = self._query_args["select"]
        counted = select.with_only_columns(sa.literal(1)).order_by(None).subquery()
        return db.session.scalar(sa.select(sa.func.count()).select_from(counted))


class RowPagination(EntityPagination):
    """Pages of a select of plain rows (a union, say): db.paginate keeps the first column only."""

    def _query_items(self):
        select = self._query_args["select"].limit(self.per_page).offset(self._query_offset)
        return self._query_args["session"].execute(select).all()


def page_size():
    """The page size asked for (?per_page=), if the lists offer it, else the default."""
    try:
        asked = int(request.args.get("per_page", 0))
    except ValueError:
        asked = 0
    return asked if asked in PAGE_SIZES else current_app.config["PER_PAGE"]


def requested_page(per_page):
    """The page number asked for (?page=), at least 1 and within what an id can count."""
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        page = 1
    return min(page, MAX_ID // per_page)


def rows_to_page_end(per_page=None):
    """How many rows, from the first, the requested page reaches: for a select that reads
    only as far as it must (the review queue)."""
    per_page = per_page or page_size()
    return requested_page(per_page) * per_page


def paginated(query, rows=False, per_page=None, count=None, keys=None):
    """One page of `query` (of entities; `rows`: of plain rows); a page number out of range
    gives the last page, never a 404. `count`: a cheaper select of the total, if the list
    has one; `keys`: a cheaper select of the ids in order (see EntityPagination)."""
    per_page = per_page or page_size()
    page = requested_page(per_page)
    kind = RowPagination if rows else EntityPagination
    pages = {"select": query, "session": db.session, "per_page": per_page, "error_out": False}
    pages["count_select"] = count
    pages["keys"] = keys
    pagination = kind(page=page, **pages)
    if page > 1 and not pagination.items and pagination.pages:
        pagination = kind(page=pagination.pages, **pages)
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


def distinct_values(column, name):
    """A select of the distinct values of an indexed column, one index seek each (a loose
    index scan), where DISTINCT reads an index entry per row: 40 ms at 100,000 rows on
    PostgreSQL. `name` names its recursive part in the statement."""
    values = sa.select(sa.func.min(column).label("value")).cte(name, recursive=True)
    following = sa.select(sa.func.min(column)).where(column > values.c.value).scalar_subquery()
    values = values.union_all(sa.select(following).where(values.c.value.is_not(None)))
    return sa.select(values.c.value.label("name")).where(values.c.value.is_not(None))
