"""audience desk: the time a question card was ignored

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 06:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audience_group", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ignored_ts", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audience_group", schema=None) as batch_op:
        batch_op.drop_column("ignored_ts")
