"""alert claims: a delivery run claims an alert or a subscriber message (claimed_by, claimed_at) in a
short transaction before it sends it, so that two runs never send one twice

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-04 12:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('alerts', 'push_deliveries'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('claimed_by', sa.String(length=40), nullable=True))
            batch_op.add_column(sa.Column('claimed_at', sa.String(length=32), nullable=True))


def downgrade() -> None:
    for table in ('push_deliveries', 'alerts'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('claimed_at')
            batch_op.drop_column('claimed_by')
