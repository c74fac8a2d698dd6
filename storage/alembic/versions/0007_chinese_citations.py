"""profile cases: the case, court and date as a Chinese brief names them; scope values: the article and
note as a Chinese brief cites them, and
the stance that says two differently worded values mean the same

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 23:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('profile_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('court_zh', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('date_zh', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('name_zh', sa.Text(), nullable=True))
    with op.batch_alter_table('scope_values', schema=None) as batch_op:
        batch_op.add_column(sa.Column('article_zh', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('note_zh', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('stance', sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('scope_values', schema=None) as batch_op:
        batch_op.drop_column('stance')
        batch_op.drop_column('note_zh')
        batch_op.drop_column('article_zh')
    with op.batch_alter_table('profile_cases', schema=None) as batch_op:
        batch_op.drop_column('name_zh')
        batch_op.drop_column('date_zh')
        batch_op.drop_column('court_zh')
