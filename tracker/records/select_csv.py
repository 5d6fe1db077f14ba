"""The CSV of a select, written from the rows as the database driver gives them.

`csv_lines` turns each cell of a result row into text: for 100,000 mobilities,
SQLAlchemy's conversions (a code to an enum member, an ISO text to a date, a float
to a Decimal) and the per-cell dispatch cost more than the query and the writing. Here each
column's conversion is chosen once, from its SQL type, and goes from the driver's
value straight to the text `csv_lines` writes for the converted value: an enum's
code to its translated label, a date to its ISO text (SQLite stores that text already),
an amount to its decimals. The cells are converted a column of a batch at a time and
written by the csv module, which quotes them; text cells are neutralised as in every export.

Per cell, only C runs: a conversion is a lookup in a dict of the file's texts
(`FileTexts`: a label, or an amount or a date worked out on its first sight), and a text
column goes through `neutralised` only in a batch where one of its cells begins with a
character a formula may begin or hide behind.
"""

from decimal import Decimal
from functools import partial
from operator import itemgetter

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from tracker.extensions import db
from tracker.records.csv_export import (
    BATCH_SIZE,
    MAYBE_FORMULA,
    cell,
    csv_download,
    label_text,
    neutralised,
    written,
)


def select_csv_lines(query, columns):
    """The file of `columns` over the rows of `query` (a select naming each column a
    column reads), one chunk of BATCH_SIZE lines at a time: BOM and header first."""
    names = list(query.selected_columns.keys())
    types = dict(zip(names, (c.type for c in query.selected_columns), strict=True))
    converters = [_column_cells(col, names, types) for col in columns]

    def batches():
        for rows in driver_rows(query):
            by_column = list(zip(*rows, strict=True))
            yield zip(*(cells(by_column) for cells in converters), strict=True)

    return written(columns, batches())


def driver_rows(query):
    """Lists of up to BATCH_SIZE rows of `query`, as tuples of the driver's values.

    The select's columns are typed as NullType, so SQLAlchemy passes the driver's
    values through; stream_results reads from a server-side cursor on PostgreSQL,
    so memory stays flat however many rows there are. Runs when the download starts
    (see `stream_rows`).
    """
    untyped = query.with_only_columns(
        *(
            sa.type_coerce(
                server_text(selected) if _written_by_server(selected.type) else selected,
                sa.types.NullType(),
            ).label(name)
            for name, selected in query.selected_columns.items()
        ),
        maintain_column_froms=True,
    )
    # The session's connection, not the session: the ORM would buffer every row.
    result = db.session.connection().execute(
        untyped, execution_options={"stream_results": True, "max_row_buffer": BATCH_SIZE}
    )
    with result:
        while rows := result.fetchmany(BATCH_SIZE):
            yield rows


class server_text(FunctionElement):  # noqa: N801 (an SQL function, named like one)
    """server_text(amount or date): on PostgreSQL, the text the export writes for it, made by
    the server (numeric's text is the decimals format(Decimal, "f") gives of the same value,
    to_char the ISO date), so the worker makes no Decimal or date of it; elsewhere the value
    as it is (SQLite keeps a date as its ISO text already)."""

    inherit_cache = True

    def __init__(self, value):
        super().__init__(value)
        self.type = value.type


@compiles(server_text)
def _server_text(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(server_text, "postgresql")
def _server_text_postgresql(element, compiler, **kw):
    value = compiler.process(element.clauses, **kw)
    if isinstance(element.type, sa.Date):
        return f"to_char({value}, 'YYYY-MM-DD')"
    return f"CAST({value} AS TEXT)"


def _written_by_server(sql_type):
    return (isinstance(sql_type, sa.Date) and not isinstance(sql_type, sa.DateTime)) or (
        isinstance(sql_type, sa.Numeric) and not isinstance(sql_type, sa.Float)
    )


def _column_cells(col, names, types):
    """A function from a batch's values by column to the cells of `col`."""
    positions = [names.index(name) for name in col.reads]
    if col.made_of is None:
        (position,) = positions
        converter = text_of_type(types[col.reads[0]])
        if converter is None:
            return lambda by_column: by_column[position]
        if converter is neutralised:  # a text column: its cells are checked a batch at once
            return lambda by_column: neutralised_column(by_column[position])
        return lambda by_column: map(converter, by_column[position])
    made_of = _computed_cell(col)
    if col.key is None:
        return lambda by_column: map(made_of, *(by_column[p] for p in positions))
    if len(positions) == 1:
        (position,) = positions
        texts = FileTexts(made_of)
        return lambda by_column: map(texts.__getitem__, by_column[position])
    texts = FileTexts(lambda values: made_of(*values))

    def cells(by_column):
        return map(texts.__getitem__, zip(*(by_column[p] for p in positions), strict=True))

    return cells


def _computed_cell(col):
    """The cell of a computed column from the driver's values it reads."""
    labels = {}

    def text(*values):
        return cell(col.made_of(*values), labels)

    return text


_FIRST_CHARACTER = itemgetter(slice(0, 1))


def neutralised_column(texts):
    """A text column of a batch (None for an empty cell), each formula neutralised.

    Whether any cell begins with a character a formula may begin or hide behind is asked
    of the whole column at once, in C; only a column where one does goes through
    `neutralised` cell by cell, so the rule stays in one place.
    """
    if MAYBE_FORMULA.isdisjoint(map(_FIRST_CHARACTER, filter(None, texts))):
        return texts
    return map(neutralised, texts)


class FileTexts(dict):
    """The cells of one file's driver values, each worked out once: reading a known value's
    cell is a dict lookup in C, not a Python call.

    Equal values must give equal cells (as 1399, 1399.0 and Decimal("1399.00") do); a file
    of many distinct values starts afresh every LIMIT of them, so memory stays bounded.
    """

    LIMIT = 10_000
    __slots__ = ("text",)

    def __init__(self, text):
        super().__init__()
        self.text = text

    def __missing__(self, value):
        if len(self) >= self.LIMIT:
            self.clear()
        text = self[value] = self.text(value)
        return text


def text_of_type(sql_type):
    """How a driver's value of `sql_type` becomes a cell, or None where the csv module
    writes it as it comes (whole numbers, empty cells).

    Translated labels are looked up once per file, in the reader's language.
    """
    if isinstance(sql_type, sa.Enum) and sql_type.enum_class is not None:
        return _looked_up({member.value: member for member in sql_type.enum_class})
    if isinstance(sql_type, sa.Boolean):
        return _looked_up({answer: answer for answer in (True, False)})  # SQLite gives 1 and 0
    if isinstance(sql_type, sa.Date) and not isinstance(sql_type, sa.DateTime):
        return FileTexts(_iso_date).__getitem__
    if isinstance(sql_type, sa.Numeric) and not isinstance(sql_type, sa.Float):
        # SQLAlchemy's own rounding of a float the driver gives (SQLite): Numeric's scale.
        # Neither driver gives a negative zero (SQLite stores it as the integer 0,
        # PostgreSQL's numeric has none), the one amount whose equal would print otherwise.
        scale = sql_type.scale if sql_type.scale is not None else 10
        return FileTexts(partial(_amount, f"%.{scale}f")).__getitem__
    if isinstance(sql_type, sa.Integer):
        return None
    if isinstance(sql_type, sa.String):
        return neutralised
    raise TypeError(f"no CSV text for a column of {sql_type!r}")


def _looked_up(values):
    """The text of each stored value as a dict's lookup: no Python call per cell."""
    texts = {stored: neutralised(label_text(value)) for stored, value in values.items()}
    return (texts | {None: None}).__getitem__


def _iso_date(value):
    """SQLite's driver gives the stored ISO text, psycopg the server's (see `server_text`)
    or, outside the export's select, a date."""
    return value if value is None or type(value) is str else value.isoformat()


def _amount(pattern, value):
    """SQLite's driver gives an amount as a float or an integer, psycopg as the server's
    text (see `server_text`) or, outside the export's select, as a Decimal."""
    if value is None or type(value) is str:
        return value
    if type(value) is Decimal:
        return format(value, "f")
    return pattern % value


def select_csv_response(query, columns, *name_parts, today=None):
    """A streamed download of the rows of `query` in `columns` (see `csv_response`)."""
    return csv_download(select_csv_lines(query, columns), *name_parts, today=today)
