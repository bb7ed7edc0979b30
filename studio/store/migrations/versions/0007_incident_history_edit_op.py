"""incident history rows carry the client-made id of their edit (offline edits replay once)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: rows written before this revision, and the "created" row of a new incident,
    # belong to no replayable edit.
    with op.batch_alter_table('incident_history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('op', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_incident_history_op'), ['op'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('incident_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_history_op'))
        batch_op.drop_column('op')
