"""Date arithmetic in SQL that reads the same on SQLite and PostgreSQL.

SQLite keeps a date as ISO text, so subtracting two dates there compares their years;
PostgreSQL subtracts dates to whole days. `days_between` compiles to each database's
own way of counting the days, so a query and the Python beside it give one figure.
"""

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class days_between(FunctionElement):  # noqa: N801 (an SQL function, named like one)
    """days_between(start, end): whole days from `start` to `end` (0 on the same day; NULL
    when either is NULL), as `(end - start).days` in Python."""

    type = sa.Integer()
    name = "days_between"
    inherit_cache = True


@compiles(days_between)
def _days_between(element, compiler, **kw):
    """PostgreSQL (and standard SQL): a date minus a date is a number of days."""
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({end} - {start})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({end}) - julianday({start}) AS INTEGER)"
