"""The alert feed: new batches, status changes, and deadlines that came due."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storage.db import Connection, Database
from watch.model import Alert, Deadline, days_between
from watch.repository import AlertRepository


def batch_alerts(
    conn: Connection,
    *,
    batch_id: int,
    at: str,
    list_key: str,
    agreement: str | None,
    annex: str | None,
    summary: dict[str, int],
    file: str,
    history: Sequence[dict[str, Any]],
) -> None:
    """One alert for a batch, one per status change it makes."""
    alerts = AlertRepository(conn)
    s = summary
    alerts.add(
        key=f"batch:{batch_id}",
        at=at,
        kind="new-batch",
        title=f"New batch for {list_key}: {s['added']} added, {s['changed']} changed, {s['removed']} removed",
        detail=f"file {file}, {s['rows']} rows",
        agreement_id=agreement,
        annex=annex,
        batch_id=batch_id,
    )
    for n, h in enumerate(history):
        if not h["what"].endswith(": status") or h["before"] is None:
            continue
        alerts.add(
            key=f"batch:{batch_id}:status:{n}",
            at=at,
            kind="status-change",
            title=f"{h['gi_id']}: {h['what'].removesuffix(': status')} {h['before']} -> {h['after']}",
            detail=h["reason"],
            agreement_id=agreement,
            annex=annex,
            gi_id=h["gi_id"],
            batch_id=batch_id,
            source=h["source"],
        )


# Kinds of deadline that alert a second time when this near (days left): an opposition window, once
# closed, does not open again (the first alert comes at DUE_WINDOW_DAYS, when the deadline is due)
FINAL_WARNING_DAYS = {"opposition": 7}


def deadline_alert(conn: Connection, d: Deadline, *, at: str, today: str) -> bool:
    """An alert when a deadline becomes due (30 days left), again for an opposition 7 days before, and
    when it is overdue (once per deadline and state)."""
    state = d.state(today)
    if state not in ("due", "overdue"):
        return False
    where = f" ({d.agreement_id}{' Annex ' + d.annex if d.annex else ''})" if d.agreement_id else ""
    key, title = f"deadline:{d.key}:{state}", state
    left = days_between(today, d.due)
    final = FINAL_WARNING_DAYS.get(d.kind)
    if state == "due" and final is not None:
        title = f"due in {left} day{'s' if left != 1 else ''}"
        if left <= final:
            key += f"-{final}d"
    return AlertRepository(conn).add(
        key=key,
        at=at,
        kind="deadline",
        title=f"{title}: {d.title_en}{where}",
        detail=f"due {d.due}" + (f"; outcome: {d.outcome_en}" if d.outcome_en else ""),
        agreement_id=d.agreement_id,
        annex=d.annex,
        source=d.source,
    )


def list_alerts(db: Database, *, since: str | None = None) -> list[Alert]:
    with db.read() as conn:
        return AlertRepository(conn).since(since)
