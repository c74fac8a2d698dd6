"""Maps deadline and alert rows to the watch model."""

from __future__ import annotations

from typing import Any

from citations import cite
from storage.db import Connection
from watch.model import Alert, Deadline, PushDelivery, Subscription

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

    def get(self, alert_id: int) -> Alert | None:
        r = self.conn.first("SELECT * FROM alerts WHERE id = ?", [alert_id])
        return _alert(r) if r else None


class SubscriptionRepository:
    """Maps subscriptions and push_deliveries rows."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _subscription(self, r: Any) -> Subscription:
        return Subscription(
            r.id, r.gi_id, r.channel, r.address, r.created_at, r.created_by, int(r.pending), r.last_error
        )

    _SELECT = (
        "SELECT s.*, (SELECT COUNT(*) FROM push_deliveries d WHERE d.subscription_id = s.id "
        "AND d.delivered_at IS NULL) AS pending, (SELECT d.delivery_error FROM push_deliveries d "
        "WHERE d.subscription_id = s.id AND d.delivered_at IS NULL AND d.delivery_error IS NOT NULL "
        "ORDER BY d.id DESC LIMIT 1) AS last_error FROM subscriptions s"
    )

    def all(self, *, gi_id: str | None = None) -> list[Subscription]:
        where, params = (" WHERE s.gi_id = ?", [gi_id]) if gi_id else ("", [])
        rows = self.conn.records(self._SELECT + where + " ORDER BY s.id", params)
        return [self._subscription(r) for r in rows]

    def get(self, subscription_id: int) -> Subscription | None:
        r = self.conn.first(self._SELECT + " WHERE s.id = ?", [subscription_id])
        return self._subscription(r) if r else None

    def find(self, gi_id: str, channel: str, address: str) -> Subscription | None:
        r = self.conn.first(
            self._SELECT + " WHERE s.gi_id = ? AND s.channel = ? AND s.address = ?", [gi_id, channel, address]
        )
        return self._subscription(r) if r else None

    def add(self, *, gi_id: str, channel: str, address: str, at: str, who: str) -> int:
        values = {"gi_id": gi_id, "channel": channel, "address": address, "created_at": at, "created_by": who}
        return int(self.conn.insert("subscriptions", values, returning="id"))

    def delete(self, subscription_id: int) -> None:
        # the deliveries go first: SQLite enforces the cascade only with foreign keys switched on
        self.conn.execute("DELETE FROM push_deliveries WHERE subscription_id = ?", [subscription_id])
        self.conn.execute("DELETE FROM subscriptions WHERE id = ?", [subscription_id])

    def queue(self, subscription_id: int, finding_id: int, *, payload: str, at: str) -> None:
        self.conn.insert(
            "push_deliveries",
            {
                "subscription_id": subscription_id,
                "finding_id": finding_id,
                "at": at,
                "payload": payload,
                "attempts": 0,
            },
        )

    def delivery(self, delivery_id: int) -> PushDelivery | None:
        r = self.conn.first(
            "SELECT d.id, d.subscription_id, s.channel, s.address, d.finding_id, d.payload, d.attempts "
            "FROM push_deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.id = ?",
            [delivery_id],
        )
        if r is None:
            return None
        return PushDelivery(
            r.id, r.subscription_id, r.channel, r.address, r.finding_id, r.payload, r.attempts
        )


class DeliveryClaims:
    """Claim-then-send on a table of things to deliver (alerts, push_deliveries: delivered_at,
    delivery_error, claimed_by, claimed_at). A run claims one row in a short transaction, sends it with
    no transaction open, then finishes it (delivered, or its error kept and the claim released). The
    claim is a guarded UPDATE: on PostgreSQL a second run waiting on the row lock sees it claimed and
    touches nothing; SQLite has one writer at a time. A claim older than `stale_before` (a run that
    died while sending) may be taken over."""

    _FREE = "delivered_at IS NULL AND (claimed_by IS NULL OR claimed_at < ?)"

    def __init__(self, conn: Connection, table: str, *, counts_attempts: bool = False) -> None:
        assert table in ("alerts", "push_deliveries")
        self.conn = conn
        self.table = table
        self.counts_attempts = counts_attempts

    def claim_next(self, run: str, *, at: str, stale_before: str, after_id: int) -> int | None:
        """Claim the first free row after `after_id` for `run`; its id, or None when none is free."""
        free = self.conn.rows(
            f"SELECT id FROM {self.table} WHERE {self._FREE} AND id > ? ORDER BY id LIMIT 20",
            [stale_before, after_id],
        )
        for (row_id,) in free:
            taken = self.conn.execute(
                f"UPDATE {self.table} SET claimed_by = ?, claimed_at = ? WHERE id = ? AND {self._FREE}",
                [run, at, row_id, stale_before],
            )
            if taken == 1:
                return int(row_id)
        return None

    def finish(self, row_id: int, run: str, *, delivered_at: str | None, error: str | None) -> bool:
        """Record the outcome of a send and release the claim; False if the claim was no longer ours."""
        attempts = ", attempts = attempts + 1" if self.counts_attempts else ""
        return (
            self.conn.execute(
                f"UPDATE {self.table} SET delivered_at = ?, delivery_error = ?, claimed_by = NULL, "
                f"claimed_at = NULL{attempts} WHERE id = ? AND claimed_by = ?",
                [delivered_at, error, row_id, run],
            )
            == 1
        )

    def release(self, row_id: int, run: str) -> None:
        """Give a claimed row back unsent and unchanged."""
        self.conn.execute(
            f"UPDATE {self.table} SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND claimed_by = ?",
            [row_id, run],
        )

    def waiting(self) -> int:
        """Rows not delivered yet (claimed or not)."""
        return int(self.conn.scalar(f"SELECT COUNT(*) FROM {self.table} WHERE delivered_at IS NULL") or 0)
