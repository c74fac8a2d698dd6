"""Deliver new alerts: append them to a JSON-lines outbox file and/or POST them to a webhook.

Delivery happens after the transaction that created the alerts has committed; an alert that could not
be delivered keeps `delivered_at` empty and its error, and is tried again next time.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from agreements.repository import AlertRepository

WEBHOOK_TIMEOUT_S = 5.0


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: int = 0
    error: str | None = None


def deliver(engine: Engine, *, outbox: str | None, webhook: str | None) -> DeliveryReport:
    report = DeliveryReport()
    if not outbox and not webhook:
        return report
    with engine.begin() as conn:
        repo = AlertRepository(conn)
        pending = repo.undelivered()
        for alert in pending:
            payload = alert.to_dict()
            error = None
            if outbox:
                try:
                    path = Path(outbox)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    with open(path, "a", encoding="utf-8") as fh:
                        fh.write(json.dumps(payload, ensure_ascii=False) + "\n")
                except OSError as exc:
                    error = f"outbox {outbox}: {exc.strerror}"
            if webhook and error is None:
                request = urllib.request.Request(
                    webhook,
                    data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                    headers={"Content-Type": "application/json", "User-Agent": "GIScope"},
                    method="POST",
                )
                try:
                    with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_S) as response:
                        if response.status >= 300:
                            error = f"webhook answered {response.status}"
                except (urllib.error.URLError, TimeoutError, OSError) as exc:
                    error = f"webhook {webhook}: {getattr(exc, 'reason', exc)}"
            if error:
                repo.mark(alert.id, delivered_at=None, error=error)
                report.failed += 1
                report.error = error
            else:
                stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
                repo.mark(alert.id, delivered_at=stamp, error=None)
                report.delivered += 1
    return report
