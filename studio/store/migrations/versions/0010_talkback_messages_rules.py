"""talkback messages and rule firings

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op

import studio.store.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'talkback_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=32), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('from_role', sa.String(length=24), nullable=False),
        sa.Column('to_role', sa.String(length=24), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('urgent', sa.Boolean(), nullable=False),
        sa.Column('rule', sa.String(length=100), nullable=True),
        sa.Column('figures', sa.JSON(), nullable=False),
        sa.Column('ref', sa.String(length=100), nullable=True),
        sa.Column('expires_at', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('acked_at', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('acked_by', sa.String(length=64), nullable=False),
        sa.Column('cleared_at', studio.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('rehearsal', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('uid'),
    )
    with op.batch_alter_table('talkback_message', schema=None) as batch_op:
        batch_op.create_index('ix_talkback_message_show_at', ['show_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_talkback_message_ref'), ['ref'], unique=False)

    op.create_table(
        'rule_firing',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=32), nullable=False),
        sa.Column('show_id', sa.Integer(), nullable=False),
        sa.Column('at', studio.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('rule', sa.String(length=100), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('figures', sa.JSON(), nullable=False),
        sa.Column('actions', sa.JSON(), nullable=False),
        sa.Column('rehearsal', sa.Boolean(), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['show_id'], ['show.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('uid'),
    )
    with op.batch_alter_table('rule_firing', schema=None) as batch_op:
        batch_op.create_index('ix_rule_firing_show_at', ['show_id', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rule_firing', schema=None) as batch_op:
        batch_op.drop_index('ix_rule_firing_show_at')
    op.drop_table('rule_firing')
    with op.batch_alter_table('talkback_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_talkback_message_ref'))
        batch_op.drop_index('ix_talkback_message_show_at')
    op.drop_table('talkback_message')
