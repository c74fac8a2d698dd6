"""protections: the register's own reference (file number) of a protection

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 16:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('protections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reference', sa.String(length=60), nullable=True))
    op.create_index('ix_protections_reference', 'protections', ['reference'])


def downgrade() -> None:
    op.drop_index('ix_protections_reference', table_name='protections')
    with op.batch_alter_table('protections', schema=None) as batch_op:
        batch_op.drop_column('reference')
