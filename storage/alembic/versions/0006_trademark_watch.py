"""trademark watch: findings of trademark-gazette scans (one per gazette, jurisdiction, application and
GI) and the history of what staff did with each

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 23:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('trademark_findings',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('gazette', sa.String(length=120), nullable=False),
    sa.Column('jurisdiction', sa.String(length=2), nullable=False),
    sa.Column('application_no', sa.String(length=60), nullable=False),
    sa.Column('gi_id', sa.String(length=120), nullable=False),
    sa.Column('published', sa.String(length=10), nullable=False),
    sa.Column('mark', sa.Text(), nullable=False),
    sa.Column('classes', sa.String(length=200), nullable=False),
    sa.Column('goods', sa.Text(), nullable=True),
    sa.Column('applicant', sa.Text(), nullable=False),
    sa.Column('filing_date', sa.String(length=10), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('legal_source', sa.Text(), nullable=True),
    sa.Column('opposition_deadline', sa.String(length=10), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('found_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trademark_findings')),
    sa.UniqueConstraint(
        'gazette', 'jurisdiction', 'application_no', 'gi_id', name='uq_trademark_findings_key'
    )
    )
    op.create_index('ix_trademark_findings_gi', 'trademark_findings', ['gi_id'])
    op.create_table('trademark_finding_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('who', sa.String(length=120), nullable=False),
    sa.Column('before', sa.String(length=20), nullable=True),
    sa.Column('after', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(
        ['finding_id'], ['trademark_findings.id'],
        name=op.f('fk_trademark_finding_history_finding_id_trademark_findings'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trademark_finding_history'))
    )
    op.create_index(
        'ix_trademark_finding_history_finding', 'trademark_finding_history', ['finding_id']
    )


def downgrade() -> None:
    op.drop_index('ix_trademark_finding_history_finding', table_name='trademark_finding_history')
    op.drop_table('trademark_finding_history')
    op.drop_index('ix_trademark_findings_gi', table_name='trademark_findings')
    op.drop_table('trademark_findings')
