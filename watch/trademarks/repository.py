"""Maps trademark_findings and trademark_finding_history rows to the trademark watch model."""

from __future__ import annotations

from typing import Any

from storage.chain import append
from storage.db import Connection, StaleVersion, in_list
from watch.trademarks.model import FindingChange, TrademarkFinding


def _finding(r: Any) -> TrademarkFinding:
    return TrademarkFinding(
        id=r.id,
        gazette=r.gazette,
        jurisdiction=r.jurisdiction,
        published=r.published,
        application_no=r.application_no,
        mark=r.mark,
        classes=tuple(int(c) for c in r.classes.split(";") if c),
        applicant=r.applicant,
        gi_id=r.gi_id,
        name=r.name,
        kind=r.kind,
        severity=r.severity,
        reason=r.reason,
        legal_basis=r.legal_basis,
        state=r.state,
        goods=r.goods,
        filing_date=r.filing_date,
        legal_source=r.legal_source,
        opposition_deadline=r.opposition_deadline,
        note=r.note,
        found_at=r.found_at,
        updated_at=r.updated_at,
        version=r.version,
    )


class FindingRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def find(
        self, gazette: str, jurisdiction: str, application_no: str, gi_id: str
    ) -> TrademarkFinding | None:
        r = self.conn.first(
            "SELECT * FROM trademark_findings WHERE gazette = ? AND jurisdiction = ? AND application_no = ? "
            "AND gi_id = ?",
            [gazette, jurisdiction, application_no, gi_id],
        )
        return _finding(r) if r else None

    def get(self, finding_id: int) -> TrademarkFinding | None:
        r = self.conn.first("SELECT * FROM trademark_findings WHERE id = ?", [finding_id])
        return _finding(r) if r else None

    def add(self, f: TrademarkFinding) -> int:
        """Store a new finding (its id is ignored); the id it was given."""
        values = f.to_dict()
        for key in ("id", "classes"):
            values.pop(key)
        values.update(
            classes=";".join(str(c) for c in f.classes), found_at=f.found_at, updated_at=f.updated_at
        )
        return int(self.conn.insert("trademark_findings", values, returning="id"))

    def select(self, *, state: str | None = None, gi_id: str | None = None) -> list[TrademarkFinding]:
        where, params = [], []
        if state:
            where.append("state = ?")
            params.append(state)
        if gi_id:
            where.append("gi_id = ?")
            params.append(gi_id)
        sql = "SELECT * FROM trademark_findings"
        if where:
            sql += " WHERE " + " AND ".join(where)
        found = [_finding(r) for r in self.conn.records(sql + " ORDER BY id", params)]
        # the nearest deadline first; findings with none last (NULLs sort apart in SQLite and PostgreSQL)
        return sorted(found, key=lambda f: (f.opposition_deadline or "9999-12-31", f.id))

    def many(self, ids: list[int]) -> list[TrademarkFinding]:
        if not ids:
            return []
        sql = f"SELECT * FROM trademark_findings WHERE id IN {in_list(ids)} ORDER BY id"
        return [_finding(r) for r in self.conn.records(sql, ids)]

    def lock(self, finding_id: int) -> None:
        """Hold the finding to the end of the transaction (a row lock; SQLite's write lock)."""
        self.conn.execute("UPDATE trademark_findings SET version = version WHERE id = ?", [finding_id])

    def set_state(self, finding_id: int, *, state: str, note: str, at: str, version: int) -> None:
        """Change the state of `version` of the finding (StaleVersion if it is no longer that one)."""
        touched = self.conn.execute(
            "UPDATE trademark_findings SET state = ?, note = ?, updated_at = ?, version = version + 1 "
            "WHERE id = ? AND version = ?",
            [state, note, at, finding_id, version],
        )
        if touched != 1:
            raise StaleVersion(f"trademark finding {finding_id}")

    def record(self, change: FindingChange) -> None:
        append(self.conn, "trademark_finding_history", [change.to_dict()])  # chained (storage/chain.py)

    def history(self, finding_id: int) -> list[FindingChange]:
        rows = self.conn.records(
            "SELECT * FROM trademark_finding_history WHERE finding_id = ? ORDER BY id", [finding_id]
        )
        return [FindingChange(r.finding_id, r.at, r.who, r.before, r.after, r.note) for r in rows]
