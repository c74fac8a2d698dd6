"""Deliver new alerts: append them to a JSON-lines outbox file and/or POST them to a webhook.

Delivery runs after the transaction that created the alerts has committed, and never while a write
transaction is open: the undelivered alerts are read, each is sent with no transaction open, and only
then is it marked (a short write of its own). A webhook that does not answer therefore delays only the
delivery, never an import or an edit. An alert that could not be delivered keeps `delivered_at` empty
and its error, and is tried again next time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from storage.clock import now_iso
from storage.db import Connection, Database
from watch.channels import post_json
from watch.model import Alert
from watch.repository import AlertRepository


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


def _send(alert: Alert, outbox: str | None, webhook: str | None) -> str | None:
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
        return post_json(webhook, payload)
    return None


def deliver(db: Database, *, outbox: str | None, webhook: str | None) -> DeliveryReport:
    """Send every undelivered alert to the outbox file and the webhook (those that are set)."""
    report = DeliveryReport()
    if not outbox and not webhook:
        return report
    with db.read() as conn:
        pending = AlertRepository(conn).undelivered()
    for alert in pending:
        error = _send(alert, outbox, webhook)  # no transaction is open while sending

        def mark(conn: Connection, alert_id: int = alert.id, error: str | None = error) -> None:
            AlertRepository(conn).mark(alert_id, delivered_at=None if error else now_iso(), error=error)

        db.transaction(mark)
        if error:
            report.failed += 1
            report.error = error
        else:
            report.delivered += 1
    return report


def deliver_pending(db: Database, settings: DeliverySettings) -> DeliveryReport:
    """Deliver new alerts where the settings say (GISCOPE_ALERT_OUTBOX, GISCOPE_ALERT_WEBHOOK); the one
    entry point for the CLI and the UI."""
    return deliver(db, outbox=settings.alert_outbox, webhook=settings.alert_webhook)
