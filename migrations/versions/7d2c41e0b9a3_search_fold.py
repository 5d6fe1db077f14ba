"""search_fold(text): case- and accent-free text for search, on PostgreSQL.

PostgreSQL gets `search_fold(text) = lower(unaccent(text))` from the unaccent
extension (a trusted extension: the database owner may create it). SQLite gets
the same function from the application on every connection (tracker/search_fold.py),
so there is nothing to store there.

Revision ID: 7d2c41e0b9a3
Revises: c4d853996a81
Create Date: 2026-11-28 11:20:00

"""

from alembic import op

revision = "7d2c41e0b9a3"
down_revision = "c4d853996a81"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute(
        "CREATE OR REPLACE FUNCTION search_fold(text) RETURNS text "
        "LANGUAGE sql STABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT "
        "AS $$ SELECT lower(unaccent($1)) $$"
    )


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS search_fold(text)")
    op.execute("DROP EXTENSION IF EXISTS unaccent")
