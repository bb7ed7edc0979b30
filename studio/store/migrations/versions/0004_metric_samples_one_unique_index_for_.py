"""metric samples: one unique index for reads and de-duplication

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 06:33:52.116519
"""

from alembic import op
import sqlalchemy as sa
import studio.store.types


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('metric_sample', schema=None) as batch_op:
        batch_op.drop_index('ix_metric_show_metric_ts')
        batch_op.drop_constraint('uq_metric_sample', type_='unique')
        batch_op.create_unique_constraint(
            'uq_metric_sample', ['show_id', 'metric', 'sku', 'ts', 'source'])


def downgrade() -> None:
    with op.batch_alter_table('metric_sample', schema=None) as batch_op:
        batch_op.drop_constraint('uq_metric_sample', type_='unique')
        batch_op.create_unique_constraint(
            'uq_metric_sample', ['show_id', 'source', 'metric', 'sku', 'ts'])
        batch_op.create_index('ix_metric_show_metric_ts', ['show_id', 'metric', 'ts'], unique=False)
