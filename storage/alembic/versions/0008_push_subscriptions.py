"""push: subscriptions of producer groups and exporters to a GI's new trademark findings, and the
messages still to send to each

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 23:55:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('subscriptions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('gi_id', sa.String(length=120), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('address', sa.String(length=2000), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscriptions')),
    sa.UniqueConstraint('gi_id', 'channel', 'address', name='uq_subscriptions_key')
    )
    op.create_index('ix_subscriptions_gi', 'subscriptions', ['gi_id'])
    op.create_table('push_deliveries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('delivered_at', sa.String(length=32), nullable=True),
    sa.Column('delivery_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(
        ['subscription_id'], ['subscriptions.id'],
        name=op.f('fk_push_deliveries_subscription_id_subscriptions'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_push_deliveries')),
    sa.UniqueConstraint('subscription_id', 'finding_id', name='uq_push_deliveries_key')
    )
    op.create_index('ix_push_deliveries_pending', 'push_deliveries', ['delivered_at'])


def downgrade() -> None:
    op.drop_index('ix_push_deliveries_pending', table_name='push_deliveries')
    op.drop_table('push_deliveries')
    op.drop_index('ix_subscriptions_gi', table_name='subscriptions')
    op.drop_table('subscriptions')
