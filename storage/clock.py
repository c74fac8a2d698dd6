"""The time a change is recorded at (UTC, ISO 8601, seconds)."""

from __future__ import annotations

import datetime as dt


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def today_iso() -> str:
    return dt.date.today().isoformat()
