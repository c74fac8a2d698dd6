"""names: source and confidence of each written form

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 15:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('names', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('confidence', sa.String(length=12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('names', schema=None) as batch_op:
        batch_op.drop_column('confidence')
        batch_op.drop_column('source')
