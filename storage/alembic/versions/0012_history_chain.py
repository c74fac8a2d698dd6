"""tamper-evident history: every history table chained by hash (prev_hash, hash); the rows already
there are hashed in id order so an old database verifies

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

TABLES = ('history', 'profile_history', 'trademark_finding_history')


def _fill(table: str) -> None:
    from storage.chain import CHAINED, row_hash

    bind = op.get_bind()
    columns = ', '.join(f'"{c}"' for c in ('id', *CHAINED[table]))
    rows = bind.execute(sa.text(f'SELECT {columns} FROM "{table}" ORDER BY id')).mappings().all()
    prev = ''
    updates = []
    for row in rows:
        digest = row_hash(table, row['id'], dict(row), prev)
        updates.append({'p': prev, 'h': digest, 'i': row['id']})
        prev = digest
    if updates:
        bind.execute(sa.text(f'UPDATE "{table}" SET prev_hash = :p, hash = :h WHERE id = :i'), updates)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
        _fill(table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('prev_hash', existing_type=sa.String(length=64), nullable=False)
            batch_op.alter_column('hash', existing_type=sa.String(length=64), nullable=False)


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('hash')
            batch_op.drop_column('prev_hash')
