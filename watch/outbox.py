"""Deliver new alerts: append them to a JSON-lines outbox file and/or POST them to a webhook.

Delivery runs after the transaction that created the alerts has committed, and never while a write
transaction is open. Each alert is claimed first, in a short transaction of its own (claim-then-send:
`DeliveryRun`), then sent with no transaction open, then marked delivered or given back with its error.
Two deliverers at once (two commands, two UI sessions, on SQLite or PostgreSQL) therefore never send one
alert twice, and a webhook that does not answer delays only the delivery, never an import or an edit.

The webhook must be an http(s) URL (checked when delivery starts: a bad GISCOPE_ALERT_WEBHOOK is one
message, never a crash); a redirect is not followed but is a failure. The first failure ends the run:
the alert that failed and those after it wait, undelivered, for the next one. Errors name the webhook
by its scheme and host only (outbound.redact): its token is never printed or stored.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from outbound import check_http_url
from storage.clock import now_iso
from storage.db import Connection, Database
from watch.channels import WEBHOOK_TIMEOUT_S, post_json
from watch.model import Alert
from watch.repository import AlertRepository, DeliveryClaims

T = TypeVar("T")
CLAIM_EXPIRY = dt.timedelta(minutes=10)  # a claim this old belongs to a run that died while sending


class DeliverySettings(Protocol):
    @property
    def alert_outbox(self) -> str | None: ...
    @property
    def alert_webhook(self) -> str | None: ...


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: int = 0
    error: str | None = None
    left: int = 0  # alerts not tried because the run stopped at its first failure


class DeliveryRun:
    """One delivery run over a table of things to send: claims them one at a time, in id order."""

    def __init__(self, db: Database, table: str, *, counts_attempts: bool = False) -> None:
        self.db = db
        self.table = table
        self.counts_attempts = counts_attempts
        self.run = uuid.uuid4().hex
        self.after = 0

    def _claims(self, conn: Connection) -> DeliveryClaims:
        return DeliveryClaims(conn, self.table, counts_attempts=self.counts_attempts)

    def claim(self, load: Callable[[Connection, int], T | None]) -> tuple[int, T] | None:
        """Claim the next free row and read it (one short transaction); None when nothing is free."""

        def work(conn: Connection) -> tuple[int, T] | None:
            now = dt.datetime.fromisoformat(now_iso())
            stale = (now - CLAIM_EXPIRY).isoformat()
            row_id = self._claims(conn).claim_next(
                self.run, at=now.isoformat(), stale_before=stale, after_id=self.after
            )
            if row_id is None:
                return None
            item = load(conn, row_id)
            return None if item is None else (row_id, item)

        found = self.db.transaction(work)
        if found is not None:
            self.after = found[0]
        return found

    def finish(self, row_id: int, error: str | None) -> None:
        delivered_at = None if error else now_iso()
        self.db.transaction(
            lambda conn: self._claims(conn).finish(row_id, self.run, delivered_at=delivered_at, error=error)
        )

    def release(self, row_id: int) -> None:
        self.db.transaction(lambda conn: self._claims(conn).release(row_id, self.run))

    def send(self, row_id: int, sender: Callable[[], str | None]) -> str | None:
        """Run `sender` (no transaction open) and record its outcome; a claim is never left behind by an
        error that is not a delivery failure (it is given back, and the error goes on)."""
        try:
            error = sender()
        except BaseException:
            self.release(row_id)
            raise
        self.finish(row_id, error)
        return error

    def waiting(self) -> int:
        with self.db.read() as conn:
            return self._claims(conn).waiting()


def _send(alert: Alert, outbox: str | None, webhook: str | None, timeout: float) -> str | None:
    """Write one alert to the outbox and the webhook; the first error, or None."""
    payload = alert.to_dict()
    if outbox:
        try:
            path = Path(outbox)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(payload, ensure_ascii=False) + "\n")
        except OSError as exc:
            return f"outbox {outbox}: {exc.strerror}"
    if webhook:
        return post_json(webhook, payload, timeout=timeout)
    return None


def deliver(
    db: Database, *, outbox: str | None, webhook: str | None, timeout: float = WEBHOOK_TIMEOUT_S
) -> DeliveryReport:
    """Send every undelivered alert to the outbox file and the webhook (those that are set), until the
    first failure. A webhook that is not an http(s) URL raises UrlRefused before anything is sent."""
    report = DeliveryReport()
    if not outbox and not webhook:
        return report
    if webhook:
        webhook = check_http_url(webhook, what="GISCOPE_ALERT_WEBHOOK")
    run = DeliveryRun(db, "alerts")
    while (claimed := run.claim(lambda conn, row_id: AlertRepository(conn).get(row_id))) is not None:
        alert_id, alert = claimed
        error = run.send(alert_id, partial(_send, alert, outbox, webhook, timeout))
        if error:
            report.failed, report.error = 1, error
            report.left = max(run.waiting() - 1, 0)
            break
        report.delivered += 1
    return report


def deliver_pending(db: Database, settings: DeliverySettings) -> DeliveryReport:
    """Deliver new alerts where the settings say (GISCOPE_ALERT_OUTBOX, GISCOPE_ALERT_WEBHOOK); the one
    entry point for the CLI and the UI."""
    return deliver(db, outbox=settings.alert_outbox, webhook=settings.alert_webhook)
