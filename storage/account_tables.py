"""Tables of who may use GIScope: accounts (viewer, editor, admin) and the sign-in sessions of the UI.
On the same metadata as storage/tables.py."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from storage.metadata import metadata

accounts = Table(
    "accounts",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("role", String(10), nullable=False),  # viewer, editor, admin
    Column("password_hash", String(300), nullable=False),  # scrypt$n$r$p$salt$hash: never the password
    Column("disabled", Integer, nullable=False),  # 1: may not sign in nor act
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(120), nullable=False),
    Column("failed_sign_ins", Integer, nullable=False),  # in a row; reset by a good one
    Column("locked_until", String(32)),  # no sign-in before then (ISO 8601 UTC)
    Column("token_hash", String(64)),  # SHA-256 of the account's CLI token (GISCOPE_TOKEN), if it has one
)
Index("ix_accounts_token_hash", accounts.c.token_hash)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),  # SHA-256 of the session id the browser keeps
    Column("account", String(120), ForeignKey("accounts.name", ondelete="CASCADE"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
)
Index("ix_sessions_account", sessions.c.account)
