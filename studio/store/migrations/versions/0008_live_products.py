"""live products: link numbers, states, floor, top-ups, flash sale; product events; coupons

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 09:00:00
"""

import sqlalchemy as sa
from alembic import op

import studio.store.types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('state', sa.String(length=16), server_default='pending', nullable=False)
        )
        batch_op.add_column(sa.Column('floor_cents', sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column('stock_added', sa.Integer(), server_default='0', nullable=False)
        )
        batch_op.add_column(sa.Column('low_stock_at', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('flash_price_cents', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('flash_quota', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                'flash_starts_at', studio.store.types.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column(
                'flash_ends_at', studio.store.types.UTCDateTime(timezone=True), nullable=True
            )
        )

    op.create_table(
        'product_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('field', sa.String(length=24), nullable=False),
        sa.Column('old', sa.Text(), nullable=True),
        sa.Column('new', sa.Text(), nullable=True),
        sa.Column('who', sa.String(length=64), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('segment_key', sa.String(length=64), nullable=True),
        sa.Column('cue_index', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('op', sa.String(length=32), nullable=False),
        sa.Column('undoes', sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('product_event', schema=None) as batch_op:
        batch_op.create_index('ix_product_event_show_at', ['show_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_event_op'), ['op'], unique=False)

    op.create_table(
        'coupon',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=32), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('value_cents', sa.BigInteger(), nullable=False),
        sa.Column('threshold_cents', sa.BigInteger(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('claimed', sa.Integer(), nullable=False),
        sa.Column('used', sa.Integer(), nullable=False),
        sa.Column('valid_from', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('valid_to', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('skus', sa.JSON(), nullable=False),
        sa.Column('created_at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('uid'),
    )
    with op.batch_alter_table('coupon', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_show_id'), ['show_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('coupon', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_show_id'))
    op.drop_table('coupon')
    with op.batch_alter_table('product_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_event_op'))
        batch_op.drop_index('ix_product_event_show_at')
    op.drop_table('product_event')
    with op.batch_alter_table('product', schema=None) as batch_op:
        for column in (
            'flash_ends_at', 'flash_starts_at', 'flash_quota', 'flash_price_cents',
            'low_stock_at', 'stock_added', 'floor_cents', 'state', 'link',
        ):
            batch_op.drop_column(column)
