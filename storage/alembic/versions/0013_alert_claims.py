"""alert claims: a delivery run claims an alert or a subscriber message (claimed_by, claimed_at) in a
short transaction before it sends it, so that two runs never send one twice; the delivery errors stored
before name their webhook by its scheme and host only (its token was in them)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 12:50:00
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


_URL = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s?#@]*@)?([^/\s?#:@]*)(:\d+)?([/?#]\S*?)?(?=:?(?:\s|$))")


def _redacted(text: str) -> str:
    """Every URL in `text` by its scheme and host only (as outbound.redact shows it)."""

    def one(m: re.Match[str]) -> str:
        rest = m.group(5) or ""
        hidden = rest not in ("", "/")
        return (
            m.group(1).lower()
            + ("***@" if m.group(2) else "")
            + m.group(3)
            + (m.group(4) or "")
            + ("/***" if hidden else "")
        )

    return _URL.sub(one, text)


def upgrade() -> None:
    for table in ("alerts", "push_deliveries"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("claimed_by", sa.String(length=40), nullable=True))
            batch_op.add_column(sa.Column("claimed_at", sa.String(length=32), nullable=True))
    conn = op.get_bind()
    for table in ("alerts", "push_deliveries"):
        rows = conn.execute(
            sa.text(f"SELECT id, delivery_error FROM {table} WHERE delivery_error IS NOT NULL")
        ).fetchall()
        for row_id, error in rows:
            clean = _redacted(error)
            if clean != error:
                conn.execute(
                    sa.text(f"UPDATE {table} SET delivery_error = :error WHERE id = :id"),
                    {"error": clean, "id": row_id},
                )


def downgrade() -> None:
    for table in ("push_deliveries", "alerts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("claimed_at")
            batch_op.drop_column("claimed_by")
