"""The one CSV writer every export uses: streamed, Excel-friendly, safe to open.

A caller gives rows (any iterable: ORM objects or result rows, ideally from
`stream_rows`, which fetches in batches) and columns (a readable label and a
function that takes a row and returns the value). The response then:

- streams: BATCH_SIZE lines at a time through `stream_with_context`, memory stays flat;
- opens in Excel: UTF-8 with a byte order mark, ISO dates, "." decimals,
  a header row in the reader's language;
- is safe: every cell is quoted (csv.QUOTE_ALL), and a text cell that begins with
  =, +, -, @, tab or carriage return, also behind leading spaces or separators
  (";=…" splits into a formula in a spreadsheet that separates on ";"), gets a
  leading single quote, so a spreadsheet shows it instead of running it (OWASP
  "CSV injection"); quoting is the csv module's, never our own.

Usage from a list view, with its filtered select::

    query = filters.apply(projects_query(current_user))  # restricted by visible()
    return csv_response(stream_objects(query), PROJECT_COLUMNS, "projects", call_year)

A large export of a select of plain columns goes through select_csv.py instead
(`download_select`): the same file, written from the driver's rows.
"""

import csv
import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from operator import attrgetter
from typing import Any

from flask import Response, stream_with_context
from flask_babel import gettext as _

from tracker.extensions import db

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SKIPPED_BEFORE_FORMULA = " \t\r\n,;|"
"""What a spreadsheet may split on or trim before it reads a cell as a formula."""
BATCH_SIZE = 1000


@dataclass(frozen=True)
class Column:
    label: Any
    """Header text: a lazy_gettext string, translated when the file is written."""
    value: Callable[[Any], Any]
    key: Callable[[Any], Any] | None = None
    """What the value depends on only (a country code, say): the file then computes the
    value once per key, not once per row."""
    reads: tuple[str, ...] = ()
    """The row's fields the value is made of: a file of a select's driver rows
    (select_csv.py) reads them by name, without the row objects."""
    made_of: Callable[..., Any] | None = None
    """For a computed column: the value from the values of `reads`, which must take them
    as a result row holds them and as the database driver gives them (a date or its text)."""


def column(label, attribute):
    """A column that reads `attribute` of each row (an ORM object or a result row)."""
    return Column(label, attrgetter(attribute), reads=(attribute,))


def computed(label, function, *attributes, once_per_value=False):
    """A column of `function` applied to the row's `attributes`; with `once_per_value`, the
    file calls it once per distinct set of values (a country's name, say)."""

    def value(row):
        return function(*(getattr(row, name) for name in attributes))

    key = attrgetter(*attributes) if once_per_value else None
    return Column(label, value, key, reads=attributes, made_of=function)


MAYBE_FORMULA = frozenset(FORMULA_STARTS + tuple(SKIPPED_BEFORE_FORMULA))
"""The first characters of a text that may be a formula: any other text is one."""


def neutralised(text):
    """A text that a spreadsheet would run as a formula, prefixed with a single quote."""
    if not text or text[0] not in MAYBE_FORMULA:
        return text  # the usual case, decided by the first character
    if text.startswith(FORMULA_STARTS) or text.lstrip(SKIPPED_BEFORE_FORMULA).startswith(
        FORMULA_STARTS
    ):
        return "'" + text
    return text


def cell(value, labels=None):
    """A value as the text of one cell: ISO dates, "." decimals, enum labels.

    `labels` caches the translated text of enums and booleans for one file, so a
    large export translates each label once, not once per row.
    """
    if value is None:
        return ""
    kind = type(value)  # the common types first, by identity: an export asks this per cell
    if kind is str:
        return neutralised(value)
    if kind is Decimal:
        return format(value, "f")
    if kind is date:
        return value.isoformat()
    if kind is int:
        return str(value)
    if isinstance(value, bool | enum.Enum):
        if labels is None:
            return _label(value)
        if value not in labels:
            labels[value] = _label(value)
        return labels[value]
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return neutralised(str(value))


def _label(value):
    return neutralised(label_text(value))


def label_text(value):
    """The reader's word for a yes/no or an enum member (its label, else its value)."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(getattr(value, "label", value.value))


def csv_lines(rows: Iterable, columns):
    """The file's text, one batch of lines at a time: BOM and header first."""
    labels = {}
    values = [_memoised(col) for col in columns]
    batches = (
        [[cell(value(row), labels) for value in values] for row in batch]
        for batch in batched(rows, BATCH_SIZE)
    )
    return written(columns, batches)


def written(columns, batches):
    """The text of a file of `columns` whose rows come in `batches` (lists of cell texts),
    one chunk per batch: BOM and header first. The csv module quotes every cell."""
    lines = []
    writer = csv.writer(_Appender(lines.append), quoting=csv.QUOTE_ALL)

    def flushed():
        text = "".join(lines)
        lines.clear()
        return text

    writer.writerow([neutralised(str(col.label)) for col in columns])
    yield BOM + flushed()
    for batch in batches:
        writer.writerows(batch)
        yield flushed()


class _Appender:
    """What the csv writer writes to: each line onto a list, joined once per chunk (a
    tenth faster than a StringIO emptied per chunk)."""

    __slots__ = ("write",)

    def __init__(self, write):
        self.write = write


def batched(rows, size):
    """Lists of up to `size` of `rows`, in order."""
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def _memoised(col):
    """The column's value function, computed once per key where the column has one."""
    if col.key is None:
        return col.value
    known = {}

    def value(row):
        key = col.key(row)
        if key not in known:
            known[key] = col.value(row)
        return known[key]

    return value


def stream_rows(query):
    """The rows of a select, fetched in batches of BATCH_SIZE (a server-side cursor on
    PostgreSQL), so memory stays flat however many rows the export holds.

    The select runs when the download starts, not when the view returns: a server
    ends the request (and closes its database session) before it sends the body,
    and `csv_response` streams the body in a context of its own.
    """
    yield from db.session.execute(query, execution_options={"yield_per": BATCH_SIZE})


def stream_objects(query):
    """As stream_rows, for a select of one entity (`select(Mobility)`): yields the objects."""
    for row in stream_rows(query):
        yield row[0]


def export_filename(*parts, today=None, extension="csv"):
    """What and when: export_filename("mobilities", 2025) -> "mobilities-2025-2026-11-24.csv".

    A part that is None (a filter left empty) is left out, never written as "none".
    """
    today = today or date.today()
    words = [
        re.sub(r"[^A-Za-z0-9]+", "-", str(part)).strip("-").lower()
        for part in parts
        if part is not None
    ]
    return "-".join([word for word in words if word] + [today.isoformat()]) + "." + extension


def csv_response(rows, columns, *name_parts, today=None):
    """A streamed download of `rows` in `columns`, named after `name_parts` and the date."""
    return csv_download(csv_lines(rows, columns), *name_parts, today=today)


def csv_download(lines, *name_parts, today=None):
    """A streamed download of a file's `lines`, named after `name_parts` and the date."""
    filename = export_filename(*name_parts, today=today)
    return Response(
        stream_with_context(lines),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Content-Type": "text/csv; charset=utf-8",
        },
    )
