"""accounts and roles (viewer, editor, admin), with the UI's sign-in sessions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('disabled', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('failed_sign_ins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_accounts')),
    )
    op.create_index('ix_accounts_token_hash', 'accounts', ['token_hash'], unique=False)
    op.create_table('sessions',
    sa.Column('id_hash', sa.String(length=64), nullable=False),
    sa.Column('account', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('expires_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['account'], ['accounts.name'], name=op.f('fk_sessions_account_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id_hash', name=op.f('pk_sessions')),
    )
    op.create_index('ix_sessions_account', 'sessions', ['account'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sessions_account', table_name='sessions')
    op.drop_table('sessions')
    op.drop_index('ix_accounts_token_hash', table_name='accounts')
    op.drop_table('accounts')
