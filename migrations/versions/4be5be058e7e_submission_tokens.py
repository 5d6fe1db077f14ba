"""One record per create form: the one-time token of each saved create form, and its record.

Revision ID: 4be5be058e7e
Revises: e51a3df1c659
Create Date: 2026-11-28 07:43:16.183850

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4be5be058e7e'
down_revision = 'e51a3df1c659'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('submission_tokens',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_submission_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_submission_tokens'))
    )


def downgrade():
    op.drop_table('submission_tokens')
