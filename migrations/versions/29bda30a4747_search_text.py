"""Mobilities and projects keep their searched fields folded in a `search_text` column.

The mobility and project lists search it with a plain LIKE instead of folding every row
on every search (tracker/search_fold.py). Existing rows are folded here, in Python, by
the same function the application uses on every insert and update.

Revision ID: 29bda30a4747
Revises: 1e9bdabcca79
Create Date: 2026-11-28 14:20:00

"""

import sqlalchemy as sa
from alembic import op

from tracker.search_fold import folded_text

revision = "29bda30a4747"
down_revision = "1e9bdabcca79"
branch_labels = None
depends_on = None

SEARCHED = {
    "mobilities": ("participant_name", "participant_email"),
    "projects": ("title", "acronym"),
}
"""The fields each table's search text folds, as they are at this revision."""
INDEXED = {"mobilities": "ix_mobilities_search_text"}
"""The search text SQLite scans as a narrow index rather than in the whole table."""
BATCH = 10_000


def fill(table_name, fields):
    """Every row's search text, in batches of one statement each (one executemany on
    SQLite; on PostgreSQL one UPDATE from two arrays, not a round trip per row)."""
    table = sa.table(
        table_name,
        sa.column("id", sa.Integer),
        sa.column("search_text", sa.Text),
        *(sa.column(name, sa.String) for name in fields),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(table.c.id, *(table.c[name] for name in fields))).all()
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        ids, folded = [row[0] for row in batch], [folded_text(*row[1:]) for row in batch]
        if connection.dialect.name == "postgresql":
            connection.execute(
                sa.text(
                    f"UPDATE {table_name} SET search_text = given.folded"  # noqa: S608  # nosec B608 (table names)
                    " FROM unnest(CAST(:ids AS integer[]), CAST(:folded AS text[]))"
                    f" AS given(id, folded) WHERE {table_name}.id = given.id"
                ),
                {"ids": ids, "folded": folded},
            )
        else:
            update = (
                table.update()
                .where(table.c.id == sa.bindparam("row_id"))
                .values(search_text=sa.bindparam("text"))
            )
            connection.execute(
                update, [{"row_id": i, "text": t} for i, t in zip(ids, folded, strict=True)]
            )


def upgrade():
    for table_name, fields in SEARCHED.items():
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=True))
        fill(table_name, fields)
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.alter_column("search_text", existing_type=sa.Text(), nullable=False)
            if table_name in INDEXED:
                batch_op.create_index(INDEXED[table_name], ["search_text"], unique=False)


def downgrade():
    for table_name in reversed(SEARCHED):
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            if table_name in INDEXED:
                batch_op.drop_index(INDEXED[table_name])
            batch_op.drop_column("search_text")
