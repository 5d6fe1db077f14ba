"""Free text gets a maximum length on every database, the one its form checks.

Existing rows are checked first: a text longer than its new limit stops the
upgrade with the table, column and row ids to shorten, rather than being cut.

Revision ID: e51a3df1c659
Revises: 93bc5d931581
Create Date: 2026-11-28 07:38:04.723646

"""

import sqlalchemy as sa
from alembic import op

revision = "e51a3df1c659"
down_revision = "93bc5d931581"
branch_labels = None
depends_on = None

# (table, column, new length, nullable)
LIMITS = [
    ("comments", "body", 5000, False),
    ("deadlines", "notes", 5000, True),
    ("history", "comment", 5000, True),
    ("mobilities", "grant_override_reason", 2000, True),
    ("projects", "summary", 10000, True),
    ("unit_cost_changes", "reason", 2000, False),
    ("unit_cost_years", "sources", 5000, False),
]


def refuse_rows_too_long():
    connection = op.get_bind()
    problems = []
    for table, column, length, _nullable in LIMITS:
        rows = connection.execute(
            sa.text(f"SELECT id FROM {table} WHERE length({column}) > :length ORDER BY id"),
            {"length": length},
        ).scalars()
        ids = list(rows)
        if ids:
            problems.append(f"{table}.{column} longer than {length} characters in rows {ids}")
    if problems:
        raise RuntimeError("Shorten these texts before upgrading: " + "; ".join(problems))


def upgrade():
    refuse_rows_too_long()
    for table, column, length, nullable in LIMITS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                column,
                existing_type=sa.TEXT(),
                type_=sa.String(length=length),
                existing_nullable=nullable,
            )


def downgrade():
    for table, column, length, nullable in reversed(LIMITS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                column,
                existing_type=sa.String(length=length),
                type_=sa.TEXT(),
                existing_nullable=nullable,
            )
