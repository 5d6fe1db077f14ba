"""Indexes for the review queue, the budget report and the mobility list's newest-first sort.

The review queue's first page walks the last submissions and the records never submitted
in time order and stops; the budget report sums a call year's committed grants from an
index, not the rows; on PostgreSQL, the mobility list's default sort (newest start first,
the undated last) is read from an index of its own, which SQLite has no need of (it walks
ix_mobilities_start_date_id backwards) and could not express (NULLS LAST); so is the same
order within one status (the list filtered by status).

Revision ID: 159cfb9e1820
Revises: 5e0c1d2a7b43
Create Date: 2026-11-28 16:53:11.545464

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "159cfb9e1820"
down_revision = "5e0c1d2a7b43"
branch_labels = None
depends_on = None


def on_postgresql():
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index(
            "ix_history_status_at_mobility", ["to_status", "created_at", "mobility_id"]
        )
        batch_op.create_index(
            "ix_history_status_at_project", ["to_status", "created_at", "project_id"]
        )

    with op.batch_alter_table("mobilities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_mobilities_project_grants",
            ["project_id", "status", "organisation_id", "grant_total", "grant_override_total"],
        )
        batch_op.create_index("ix_mobilities_updated_at_id", ["updated_at", "id"])

    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index("ix_projects_updated_at_id", ["updated_at", "id"])

    if on_postgresql():
        op.create_index(
            "ix_mobilities_start_date_desc_id",
            "mobilities",
            [sa.text("start_date DESC NULLS LAST"), sa.text("id DESC")],
        )
        op.create_index(
            "ix_mobilities_status_start_date_desc_id",
            "mobilities",
            ["status", sa.text("start_date DESC NULLS LAST"), sa.text("id DESC")],
        )


def downgrade():
    if on_postgresql():
        op.drop_index("ix_mobilities_status_start_date_desc_id", table_name="mobilities")
        op.drop_index("ix_mobilities_start_date_desc_id", table_name="mobilities")

    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index("ix_projects_updated_at_id")

    with op.batch_alter_table("mobilities", schema=None) as batch_op:
        batch_op.drop_index("ix_mobilities_updated_at_id")
        batch_op.drop_index("ix_mobilities_project_grants")

    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index("ix_history_status_at_project")
        batch_op.drop_index("ix_history_status_at_mobility")
