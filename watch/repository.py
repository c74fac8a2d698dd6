"""Maps deadline and alert rows to the watch model."""

from __future__ import annotations

from typing import Any

from citations import cite
from storage.db import Connection
from watch.model import Alert, Deadline

STAFF_OUTCOME = "recorded by "  # outcome_source prefix of an outcome staff entered


def _deadline_from(key: str, values: dict[str, Any]) -> Deadline:
    return Deadline(key=key, **{k: v for k, v in values.items() if k != "updated_at"})


def _deadline(r: Any) -> Deadline:
    return Deadline(
        key=r.key,
        kind=r.kind,
        title_en=r.title_en,
        title_zh=r.title_zh,
        due=r.due,
        agreement_id=r.agreement_id,
        annex=r.annex,
        basis=r.basis,
        source=cite(r.source),
        confidence=r.confidence,
        outcome_status=r.outcome_status,
        outcome_en=r.outcome_en,
        outcome_zh=r.outcome_zh,
        outcome_source=cite(r.outcome_source),
        origin=r.origin,
    )


class DeadlineRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Deadline]:
        return [_deadline(r) for r in self.conn.records('SELECT * FROM deadlines ORDER BY due, "key"')]

    def get(self, key: str) -> Deadline | None:
        r = self.conn.first('SELECT * FROM deadlines WHERE "key" = ?', [key])
        return _deadline(r) if r else None

    def upsert(self, d: Deadline, *, at: str, keep_outcome: bool = True) -> bool:
        """Insert or update; an outcome staff recorded is kept when `keep_outcome`. True if written."""
        current = self.get(d.key)
        values = {
            "agreement_id": d.agreement_id,
            "annex": d.annex,
            "kind": d.kind,
            "title_en": d.title_en,
            "title_zh": d.title_zh,
            "due": d.due,
            "basis": d.basis,
            "source": d.source,
            "confidence": d.confidence,
            "outcome_status": d.outcome_status,
            "outcome_en": d.outcome_en,
            "outcome_zh": d.outcome_zh,
            "outcome_source": d.outcome_source,
            "origin": d.origin,
            "updated_at": at,
        }
        if current is None:
            self.conn.insert("deadlines", {"key": d.key, **values})
            return True
        if keep_outcome and (current.outcome_source or "").startswith(STAFF_OUTCOME):
            for part in ("outcome_status", "outcome_en", "outcome_zh", "outcome_source"):
                values[part] = getattr(current, part)
        new = _deadline_from(d.key, values)
        if new == current:
            return False
        self.conn.update("deadlines", values, '"key" = ?', [d.key])
        return True

    def delete(self, key: str) -> bool:
        return self.conn.execute('DELETE FROM deadlines WHERE "key" = ?', [key]) > 0


def _alert(r: Any) -> Alert:
    return Alert(
        id=r.id,
        key=r.key,
        at=r.at,
        kind=r.kind,
        title=r.title,
        detail=r.detail,
        agreement_id=r.agreement_id,
        annex=r.annex,
        gi_id=r.gi_id,
        batch_id=r.batch_id,
        source=cite(r.source),
        delivered_at=r.delivered_at,
        delivery_error=r.delivery_error,
    )


class AlertRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(
        self,
        *,
        key: str,
        at: str,
        kind: str,
        title: str,
        detail: str | None = None,
        agreement_id: str | None = None,
        annex: str | None = None,
        gi_id: str | None = None,
        batch_id: int | None = None,
        source: str | None = None,
    ) -> bool:
        """Record an alert once per key; False when it was already recorded."""
        exists = self.conn.first('SELECT id FROM alerts WHERE "key" = ?', [key])
        if exists:
            return False
        self.conn.insert(
            "alerts",
            dict(
                key=key,
                at=at,
                kind=kind,
                title=title,
                detail=detail,
                agreement_id=agreement_id,
                annex=annex,
                gi_id=gi_id,
                batch_id=batch_id,
                source=source,
            ),
        )
        return True

    def since(self, since: str | None = None) -> list[Alert]:
        where, params = (" WHERE at >= ?", [since]) if since else ("", [])
        return [_alert(r) for r in self.conn.records(f"SELECT * FROM alerts{where} ORDER BY at, id", params)]

    def undelivered(self) -> list[Alert]:
        return [
            _alert(r)
            for r in self.conn.records("SELECT * FROM alerts WHERE delivered_at IS NULL ORDER BY id")
        ]

    def mark(self, alert_id: int, *, delivered_at: str | None, error: str | None) -> None:
        self.conn.update(
            "alerts", {"delivered_at": delivered_at, "delivery_error": error}, "id = ?", [alert_id]
        )
