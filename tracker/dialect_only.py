"""Where SQLite and PostgreSQL need different things for one query: an index only one of
them can have (and how the models/migrations comparison leaves it out on the other), and
a filter SQLite's planner must not read from an index (`not_indexed`).

An index that walks a sort SQLite reads from an ordinary index already, but PostgreSQL
cannot (NULLS LAST on a descending column: SQLite refuses NULLS FIRST/LAST in an index),
is declared on the model with `postgresql_only`: SQLAlchemy creates it on PostgreSQL only
(`Index.ddl_if`), the migration creates it there only, and `include_object_on` (Alembic's
documented `include_object` hook) keeps autogenerate and the drift test from asking for it
on SQLite.
"""

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

ONLY_ON = "only_on"
"""The key, in a schema object's `info`, of the one database that has it."""


def postgresql_only(index):
    """`index`, made on PostgreSQL only."""
    index.info[ONLY_ON] = "postgresql"
    return index.ddl_if(dialect="postgresql")


def include_object_on(dialect_name):
    """Alembic's `include_object` hook for a `dialect_name` database: a model's object meant
    for another database only is left out of the comparison."""

    def include_object(obj, name, type_, reflected, compare_to):
        only_on = getattr(obj, "info", {}).get(ONLY_ON)
        return only_on is None or only_on == dialect_name

    return include_object


class not_indexed(ColumnElement):  # noqa: N801  (reads as a function in a condition)
    """`column`, which SQLite's planner may not read from an index (SQLite's documented
    unary +, "Disqualifying WHERE Clause Terms"): for a filter that another index's order
    serves better, when a LIMIT stops the walk early. SQLite keeps no statistics and takes
    any index on a filtered column for a few rows; PostgreSQL, which counts them, gets the
    column as it is."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column):
        self.column = column
        self.type = column.type


@compiles(not_indexed)
def _as_is(element, compiler, **kw):
    return compiler.process(element.column, **kw)


@compiles(not_indexed, "sqlite")
def _unary_plus(element, compiler, **kw):
    return "+" + compiler.process(element.column, **kw)
