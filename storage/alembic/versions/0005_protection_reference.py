"""protections: the register's own reference (file number) of a protection; the indexes on gi_id of
names and protections go (their unique constraints begin with gi_id and serve the same lookups)

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
    only_set = sa.text('reference IS NOT NULL')
    op.create_index(
        'ix_protections_reference', 'protections', ['reference'],
        sqlite_where=only_set, postgresql_where=only_set,
    )
    op.drop_index('ix_protections_gi', table_name='protections')
    op.drop_index('ix_names_gi', table_name='names')


def downgrade() -> None:
    op.create_index('ix_names_gi', 'names', ['gi_id'])
    op.create_index('ix_protections_gi', 'protections', ['gi_id'])
    op.drop_index('ix_protections_reference', table_name='protections')
    with op.batch_alter_table('protections', schema=None) as batch_op:
        batch_op.drop_column('reference')
