"""optimistic locking: a version on GIs, protections, profile fields and trademark findings; every
update raises it by one and only applies when the version read is still the stored one

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ('gis', 'protections', 'profile_fields', 'trademark_findings')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
