"""traffic sources and audience profile from platform exports; review actions

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 12:00:00
"""

import sqlalchemy as sa
from alembic import op

import studio.store.types

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'traffic_source',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=100), nullable=False),
        sa.Column('channel', sa.String(length=32), nullable=False),
        sa.Column('entries', sa.BigInteger(), nullable=True),
        sa.Column('exposures', sa.BigInteger(), nullable=True),
        sa.Column('share', sa.Float(), nullable=True),
        sa.Column('gmv_cents', sa.BigInteger(), nullable=True),
        sa.Column('orders', sa.BigInteger(), nullable=True),
        sa.Column('buyers', sa.BigInteger(), nullable=True),
        sa.Column('spend_cents', sa.BigInteger(), nullable=True),
        sa.Column('source_file', sa.String(length=500), nullable=False),
        sa.Column('imported_at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('show_id', 'label'),
    )
    with op.batch_alter_table('traffic_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_traffic_source_show_id'), ['show_id'], unique=False)

    op.create_table(
        'audience_share',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('dimension', sa.String(length=32), nullable=False),
        sa.Column('label', sa.String(length=100), nullable=False),
        sa.Column('count', sa.BigInteger(), nullable=True),
        sa.Column('share', sa.Float(), nullable=True),
        sa.Column('source_file', sa.String(length=500), nullable=False),
        sa.Column('imported_at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('show_id', 'dimension', 'label'),
    )
    with op.batch_alter_table('audience_share', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audience_share_show_id'), ['show_id'], unique=False)

    op.create_table(
        'review_action',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=32), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('what', sa.Text(), nullable=False),
        sa.Column('owner', sa.String(length=100), nullable=False),
        sa.Column('due_at', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('done', sa.Boolean(), nullable=False),
        sa.Column('done_at', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        sa.Column('station', sa.String(length=64), server_default='', nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('uid'),
    )
    with op.batch_alter_table('review_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_action_show_id'), ['show_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('review_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_action_show_id'))
    op.drop_table('review_action')
    with op.batch_alter_table('audience_share', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audience_share_show_id'))
    op.drop_table('audience_share')
    with op.batch_alter_table('traffic_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_traffic_source_show_id'))
    op.drop_table('traffic_source')
