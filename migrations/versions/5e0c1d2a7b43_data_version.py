"""The data version: one row whose number every committed write moves on, so that the
dashboard's figures are kept until the data changes.

Revision ID: 5e0c1d2a7b43
Revises: 29bda30a4747
Create Date: 2026-11-28 14:50:00.000000

"""
import time

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e0c1d2a7b43'
down_revision = '29bda30a4747'
branch_labels = None
depends_on = None


def upgrade():
    data_version = op.create_table(
        'data_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_version')),
    )
    # The number starts at the clock's microseconds, not at 0: a table made again (a
    # downgrade and upgrade) starts above every number the old one reached, so a worker
    # never takes its kept figures for the new data's.
    op.bulk_insert(data_version, [{'id': 1, 'value': time.time_ns() // 1000}])


def downgrade():
    op.drop_table('data_version')
