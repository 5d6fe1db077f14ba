"""On PostgreSQL, the mobility list's search reads a trigram index of the search text.

A search for a part of a name ("contains": LIKE '%...%') cannot use a B-tree: PostgreSQL
read all 100,000 search texts for each search, twice (the page and its count). The pg_trgm
extension (a trusted extension, as unaccent: the database owner may create it) indexes
the text's trigrams, from which a LIKE with three letters or more finds its rows. SQLite
keeps reading its narrow ix_mobilities_search_text.

Revision ID: 3b7e9f2c4d10
Revises: 159cfb9e1820
Create Date: 2026-11-28 17:05:00

"""

from alembic import op

revision = "3b7e9f2c4d10"
down_revision = "159cfb9e1820"
branch_labels = None
depends_on = None


def on_postgresql():
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    if not on_postgresql():
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index(
        "ix_mobilities_search_text_trigrams",
        "mobilities",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )


def downgrade():
    if not on_postgresql():
        return
    op.drop_index("ix_mobilities_search_text_trigrams", table_name="mobilities")
    op.execute("DROP EXTENSION IF EXISTS pg_trgm")
