"""audience desk: viewer events, comments, question groups

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op

import studio.store.types

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audience_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('dedup', sa.String(length=300), nullable=False),
        sa.Column('ts', sa.Float(), nullable=False),
        sa.Column('type', sa.String(length=16), nullable=False),
        sa.Column('msg_id', sa.String(length=200), nullable=True),
        sa.Column('user', sa.String(length=100), nullable=False),
        sa.Column('user_id', sa.String(length=100), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=True),
        sa.Column('link', sa.Integer(), nullable=True),
        sa.Column('extra', sa.JSON(), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=True),
        sa.Column('topics', sa.String(length=200), nullable=False),
        sa.Column('product_sku', sa.String(length=64), nullable=True),
        sa.Column('segment_key', sa.String(length=64), nullable=True),
        sa.Column('group_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('show_id', 'dedup'),
    )
    with op.batch_alter_table('audience_event', schema=None) as batch_op:
        batch_op.create_index('ix_audience_event_group', ['group_id'], unique=False)
        batch_op.create_index('ix_audience_event_show_ts', ['show_id', 'ts'], unique=False)

    op.create_table(
        'audience_group',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=32), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=True),
        sa.Column('topic', sa.String(length=20), nullable=True),
        sa.Column('segment_key', sa.String(length=64), nullable=True),
        sa.Column('first_ts', sa.Float(), nullable=False),
        sa.Column('last_ts', sa.Float(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('askers', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('claimed_by', sa.String(length=64), nullable=False),
        sa.Column('claimed_ts', sa.Float(), nullable=True),
        sa.Column('escalated_ts', sa.Float(), nullable=True),
        sa.Column('answered_ts', sa.Float(), nullable=True),
        sa.Column('answered_by', sa.String(length=64), nullable=False),
        sa.Column('reply', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('uid'),
    )
    with op.batch_alter_table('audience_group', schema=None) as batch_op:
        batch_op.create_index(
            'ix_audience_group_show_status', ['show_id', 'status'], unique=False
        )

    op.create_table(
        'audience_quarantine',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=False),
        sa.Column('line_no', sa.Integer(), nullable=True),
        sa.Column('offset', sa.BigInteger(), nullable=True),
        sa.Column('raw', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('audience_quarantine', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_audience_quarantine_show_id'), ['show_id'], unique=False
        )

    op.create_table(
        'audience_faq',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=32), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=True),
        sa.Column('sku', sa.String(length=64), nullable=True),
        sa.Column('topic', sa.String(length=20), nullable=True),
        sa.Column('question', sa.Text(), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('created_at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('uid'),
    )
    with op.batch_alter_table('audience_faq', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audience_faq_show_id'), ['show_id'], unique=False)

    op.create_table(
        'audience_alias',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('alias', sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('show_id', 'alias'),
    )


def downgrade() -> None:
    op.drop_table('audience_alias')
    with op.batch_alter_table('audience_faq', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audience_faq_show_id'))
    op.drop_table('audience_faq')
    with op.batch_alter_table('audience_quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audience_quarantine_show_id'))
    op.drop_table('audience_quarantine')
    with op.batch_alter_table('audience_group', schema=None) as batch_op:
        batch_op.drop_index('ix_audience_group_show_status')
    op.drop_table('audience_group')
    with op.batch_alter_table('audience_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audience_event_show_ts')
        batch_op.drop_index('ix_audience_event_group')
    op.drop_table('audience_event')
