"""Search that ignores case and accents, the same on SQLite and PostgreSQL.

A person types "Lukasiewicz", "universitat" or "strasse" and expects "Zoë
Łukasiewicz-Müller", "Universität Wien" and "Straße". Both sides of every search
go through one SQL function, `search_fold(text)`:

- on PostgreSQL it is `lower(unaccent(text))` (the unaccent extension, created
  by a migration; its rules take Ł to L, Ø to O, ß to ss, Æ to AE);
- on SQLite, whose lower() folds ASCII only, it is `fold` below, registered on
  every connection: Unicode case folding, accents stripped, the same few letters
  that do not decompose (ł, ø, đ, æ, œ, þ, ı) spelt out as unaccent does.

Folding happens in the database, on the column and on the searched text alike,
so the two always agree within one database.
"""

import unicodedata

from sqlalchemy import event

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
