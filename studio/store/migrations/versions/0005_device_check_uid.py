"""device checks get a client-made uid (offline replay exactly once)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 07:00:00
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('device_check', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uid', sa.String(length=32), nullable=True))
    conn = op.get_bind()
    ids = [row[0] for row in conn.execute(sa.text("SELECT id FROM device_check"))]
    for check_id in ids:
        conn.execute(sa.text("UPDATE device_check SET uid = :uid WHERE id = :id"),
                     {"uid": uuid.uuid4().hex, "id": check_id})
    with op.batch_alter_table('device_check', schema=None) as batch_op:
        batch_op.alter_column('uid', existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint('uq_device_check_uid', ['uid'])


def downgrade() -> None:
    with op.batch_alter_table('device_check', schema=None) as batch_op:
        batch_op.drop_constraint('uq_device_check_uid', type_='unique')
        batch_op.drop_column('uid')
