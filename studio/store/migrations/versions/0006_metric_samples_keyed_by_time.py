"""metric samples keyed by (show, ts, metric, sku, source) without a row id; metric_series

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 09:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_COLS = "show_id, ts, metric, sku, source, value, value_real"


def _sample_table(name: str, pk: str, **kw: object) -> None:
    op.create_table(
        name,
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('ts', sa.Float(), nullable=False),
        sa.Column('metric', sa.String(length=64), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('source', sa.String(length=64), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=True),
        sa.Column('value_real', sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('show_id', 'ts', 'metric', 'sku', 'source', name=pk),
        **kw,
    )


def upgrade() -> None:
    # A new table and a copy: the primary key changes, which neither engine alters in place.
    _sample_table('metric_sample_new', 'pk_metric_sample', sqlite_with_rowid=False)
    op.execute(
        f"INSERT INTO metric_sample_new ({_COLS}) SELECT {_COLS} FROM metric_sample "
        "ORDER BY show_id, ts"
    )
    op.drop_table('metric_sample')
    op.rename_table('metric_sample_new', 'metric_sample')
    op.create_table(
        'metric_series',
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('metric', sa.String(length=64), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('first_ts', sa.Float(), nullable=False),
        sa.Column('last_ts', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('show_id', 'metric', 'sku'),
    )
    op.execute(
        "INSERT INTO metric_series (show_id, metric, sku, first_ts, last_ts) "
        "SELECT show_id, metric, sku, min(ts), max(ts) FROM metric_sample "
        "GROUP BY show_id, metric, sku"
    )


def downgrade() -> None:
    op.drop_table('metric_series')
    op.create_table(
        'metric_sample_old',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=64), nullable=False),
        sa.Column('metric', sa.String(length=64), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('ts', sa.Float(), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=True),
        sa.Column('value_real', sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('show_id', 'metric', 'sku', 'ts', 'source', name='uq_metric_sample'),
    )
    op.execute(
        f"INSERT INTO metric_sample_old ({_COLS}) SELECT {_COLS} FROM metric_sample "
        "ORDER BY show_id, ts"
    )
    op.drop_table('metric_sample')
    op.rename_table('metric_sample_old', 'metric_sample')
