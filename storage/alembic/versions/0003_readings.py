"""readings: pinyin and RTGS romanisations computed once per name

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 14:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('readings',
    sa.Column('system', sa.String(length=16), nullable=False),
    sa.Column('text', sa.String(length=600), nullable=False),
    sa.Column('reading', sa.Text(), nullable=False),
    sa.Column('version', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('system', 'text', name=op.f('pk_readings'))
    )


def downgrade() -> None:
    op.drop_table('readings')
