"""Maps account and session rows to the model."""

from __future__ import annotations

from typing import Any

from accounts.model import Account
from storage.db import Connection

_COLUMNS = "name, role, disabled, created_at, created_by, failed_sign_ins, locked_until, token_hash"


def _account(r: Any) -> Account:
    return Account(
        name=r.name,
        role=r.role,
        disabled=bool(r.disabled),
        created_at=r.created_at,
        created_by=r.created_by,
        failed_sign_ins=int(r.failed_sign_ins),
        locked_until=r.locked_until,
        has_token=r.token_hash is not None,
    )


class AccountRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def count(self) -> int:
        return int(self.conn.scalar("SELECT COUNT(*) FROM accounts") or 0)

    def enabled_admins(self) -> list[str]:
        rows = self.conn.rows("SELECT name FROM accounts WHERE role = 'admin' AND disabled = 0 ORDER BY name")
        return [r[0] for r in rows]

    def all(self) -> list[Account]:
        return [_account(r) for r in self.conn.records(f"SELECT {_COLUMNS} FROM accounts ORDER BY name")]

    def get(self, name: str) -> Account | None:
        r = self.conn.first(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", [name])
        return _account(r) if r else None

    def password_hash(self, name: str) -> str | None:
        value = self.conn.scalar("SELECT password_hash FROM accounts WHERE name = ?", [name])
        return None if value is None else str(value)

    def by_token(self, token_hash: str) -> Account | None:
        r = self.conn.first(f"SELECT {_COLUMNS} FROM accounts WHERE token_hash = ?", [token_hash])
        return _account(r) if r else None

    def add(self, *, name: str, role: str, password_hash: str, at: str, who: str) -> None:
        self.conn.insert(
            "accounts",
            {
                "name": name,
                "role": role,
                "password_hash": password_hash,
                "disabled": 0,
                "created_at": at,
                "created_by": who,
                "failed_sign_ins": 0,
                "locked_until": None,
                "token_hash": None,
            },
        )

    def update(self, name: str, values: dict[str, Any]) -> None:
        self.conn.update("accounts", values, "name = ?", [name])

    # --- sessions of the UI: only the SHA-256 of each session id is kept ---------------------------------

    def add_session(self, *, id_hash: str, account: str, at: str, expires_at: str) -> None:
        self.conn.insert(
            "sessions", {"id_hash": id_hash, "account": account, "created_at": at, "expires_at": expires_at}
        )

    def session(self, id_hash: str) -> tuple[str, str] | None:
        """(account, expires_at) of a session, or None."""
        r = self.conn.first("SELECT account, expires_at FROM sessions WHERE id_hash = ?", [id_hash])
        return (r.account, r.expires_at) if r else None

    def delete_session(self, id_hash: str) -> None:
        self.conn.execute("DELETE FROM sessions WHERE id_hash = ?", [id_hash])

    def delete_sessions(self, account: str) -> None:
        self.conn.execute("DELETE FROM sessions WHERE account = ?", [account])

    def delete_expired(self, now: str) -> None:
        self.conn.execute("DELETE FROM sessions WHERE expires_at < ?", [now])
