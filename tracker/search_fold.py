"""Search that ignores case and accents, the same on SQLite and PostgreSQL.

A person types "Lukasiewicz", "universitat" or "strasse" and expects "Zoë
Łukasiewicz-Müller", "Universität Wien" and "Straße". Both sides of every search
go through the same fold. Where a search reads the record's own text, that fold is
one SQL function, `search_fold(text)`:

- on PostgreSQL it is `lower(unaccent(text))` (the unaccent extension, created
  by a migration; its rules take Ł to L, Ø to O, ß to ss, Æ to AE);
- on SQLite, whose lower() folds ASCII only, it is `fold` below, registered on
  every connection: Unicode case folding, accents stripped, the same few letters
  that do not decompose (ł, ø, đ, æ, œ, þ, ı) spelt out as unaccent does.

There, folding happens in the database, on the column and on the searched text
alike, so the two always agree within one database.

The lists searched over 100,000 rows (mobilities, projects) cannot afford a function
call per row: their records keep their searched fields already folded in a column of
their own (`search_column`), kept in step on every insert and update, and a search
compares it with the typed text folded in Python by the same `fold` (on PostgreSQL too,
so both sides still agree), with a plain LIKE.
"""

import functools
import unicodedata

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapper, mapped_column

FUNCTION = "search_fold"
LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)
"""Letters that no Unicode decomposition takes to a base letter."""


def fold(text):
    """Case- and accent-free text: fold("Zoë Łukasiewicz-Müller") == "zoe lukasiewicz-muller"."""
    if text is None:
        return None
    text = str(text)
    if text.isascii():
        # Most names are plain ASCII, and SQLite calls this for every row a search reads:
        # lower() gives the same result here, about four times faster.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def register_sqlite_fold(engine):
    """Give every SQLite connection the `search_fold` function (PostgreSQL has its own)."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record):
        dbapi_connection.create_function(FUNCTION, 1, fold, deterministic=True)


FOLDED_FROM = "folded_from"
"""The key, in a search column's `info`, of the fields it folds."""


def folded_text(*fields):
    """A record's stored search text: each field folded, one a line, so that a search
    never matches across two fields (an empty field adds nothing)."""
    return "\n".join(fold(field) for field in fields if field)


def search_column(*fields):
    """A column holding `fields` of its row folded (see folded_text). Its default fills it
    on every INSERT, the ORM's and a bulk one alike; `_refold` on every ORM update."""

    def on_insert(context):
        row = context.get_current_parameters()
        return folded_text(*(row.get(name) for name in fields))

    return mapped_column(sa.Text, default=on_insert, info={FOLDED_FROM: fields})


@functools.cache
def _search_columns(mapper):
    """(column key, folded fields) of the search columns `mapper` has."""
    return tuple(
        (column.key, column.info[FOLDED_FROM])
        for column in mapper.columns
        if FOLDED_FROM in column.info
    )


@event.listens_for(Mapper, "before_update")
def _refold(mapper, connection, target):
    """A record whose searched fields changed gets its search text folded again, in the
    same UPDATE: renamed, it is found by its new name only."""
    state = sa.inspect(target)
    for key, fields in _search_columns(mapper):
        if any(state.attrs[name].history.has_changes() for name in fields):
            setattr(target, key, folded_text(*(getattr(target, name) for name in fields)))
