"""A user's language may be left unchosen (NULL): pages then follow the browser.

Existing accounts keep the language they hold; new ones start unchosen. Going
back, an unchosen language becomes English, the old default.

Revision ID: c4d853996a81
Revises: c934fc9452e4
Create Date: 2026-11-28 11:05:56.038934

"""

import sqlalchemy as sa
from alembic import op

revision = "c4d853996a81"
down_revision = "c934fc9452e4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("language", existing_type=sa.VARCHAR(length=2), nullable=True)


def downgrade():
    op.execute("UPDATE users SET language = 'en' WHERE language IS NULL")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("language", existing_type=sa.VARCHAR(length=2), nullable=False)
