"""Tamper-evident history: every history table is an append-only hash chain.

Each row carries `prev_hash` (the `hash` of the row before it, by id; '' for the first) and `hash`, the
SHA-256 of a canonical JSON of the table's name, the row's id, every content column and `prev_hash`.
Editing a row's content breaks its own hash; deleting or rewriting a row breaks the link of the row
after it. `append` is the one writer of these tables; `walk` checks one chain.

Appenders are serialised per table inside the write transaction, so two writers never fork a chain:
on PostgreSQL by a transaction-scoped advisory lock taken before the tail is read; on SQLite the
transaction's first write takes the database's write lock, and a transaction whose read of the tail
was overtaken by another writer's commit fails with "database is locked" and is run again by
Database.transaction on fresh data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storage.db import Connection, Database, quote

# table -> its content columns (every column but id, prev_hash and hash; storage/tables.py and
# storage/work_tables.py declare them, and a test keeps the two in step)
CHAINED: dict[str, tuple[str, ...]] = {
    "history": ("gi_id", "at", "who", "what", "before", "after", "reason", "source", "batch_id"),
    "profile_history": ("jurisdiction", "key", "at", "who", "what", "before", "after", "reason"),
    "trademark_finding_history": ("finding_id", "at", "who", "before", "after", "note"),
}
_FETCH = 5000  # rows read at a time while walking a chain


def _canonical(value: Any) -> str | None:
    # one text form per stored value, whatever the driver hands back (an integer column reads back as
    # int on both backends; text stays text)
    return None if value is None else str(value)


def row_hash(table: str, row_id: int, content: Mapping[str, Any], prev_hash: str) -> str:
    """The hex SHA-256 of one history row (pure; the same function writes and verifies)."""
    payload = [table, int(row_id), [[c, _canonical(content.get(c))] for c in CHAINED[table]], prev_hash]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lock_key(table: str) -> int:
    """A stable signed 64-bit key for the table's PostgreSQL advisory lock."""
    digest = hashlib.sha256(f"giscope.chain.{table}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _tail(conn: Connection, table: str) -> tuple[int, str]:
    """(id, hash) of the table's last row, after serialising appenders; (0, '') when empty."""
    if conn.backend == "postgresql":
        conn.scalar("SELECT pg_advisory_xact_lock(?)", [_lock_key(table)])
    last = conn.first(f"SELECT id, hash FROM {quote(table)} ORDER BY id DESC LIMIT 1")
    return (int(last.id), last.hash or "") if last else (0, "")


def _new_ids(conn: Connection, table: str, last_id: int, count: int) -> list[int]:
    if conn.backend == "postgresql":  # from the serial's sequence, so it stays in step
        sql = f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)"
        ids = sorted(int(r[0]) for r in conn.rows(sql, [count]))
        if ids[0] <= last_id:  # a row written with an explicit id outran the sequence
            conn.scalar(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), ?)", [last_id + count])
            ids = list(range(last_id + 1, last_id + count + 1))
        return ids
    return list(range(last_id + 1, last_id + count + 1))


def append(conn: Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Append rows to a history table, chained; inside the caller's write transaction. Returns the ids."""
    if not rows:
        return []
    columns = CHAINED[table]
    unknown = sorted({c for row in rows for c in row} - set(columns))
    if unknown:
        raise ValueError(f"{table} has no content column(s) {unknown}")
    last_id, prev = _tail(conn, table)
    ids = _new_ids(conn, table, last_id, len(rows))
    out: list[dict[str, Any]] = []
    for row_id, row in zip(ids, rows, strict=True):
        content = {c: row.get(c) for c in columns}
        digest = row_hash(table, row_id, content, prev)
        out.append({"id": row_id, **content, "prev_hash": prev, "hash": digest})
        prev = digest
    conn.insert_many(table, out)
    return ids


# --- verifying ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """The first broken link of a chain: the row, what is wrong, and the row before it."""

    table: str
    row_id: int
    problem: str  # content_edited, link_broken, head_missing
    previous_id: int | None

    def to_dict(self) -> dict[str, object]:
        return {
            "table": self.table,
            "id": self.row_id,
            "problem": self.problem,
            "previous_id": self.previous_id,
        }


@dataclass(frozen=True)
class ChainState:
    """One chain walked: the lines checked (all of them when intact; up to the broken one otherwise), the
    last line's id (note it to notice later if lines were cut off the end, which no chain can show),
    and the first broken link if any."""

    table: str
    rows: int
    last_id: int | None
    broken: Break | None

    def to_dict(self) -> dict[str, object]:
        return {
            "table": self.table,
            "rows": self.rows,
            "last_id": self.last_id,
            "ok": self.broken is None,
            "broken": self.broken.to_dict() if self.broken else None,
        }


def _rows(conn: Connection, table: str) -> Iterator[Any]:
    columns = ", ".join(quote(c) for c in ("id", *CHAINED[table], "prev_hash", "hash"))
    after = None
    while True:
        params: list[Any] = [] if after is None else [after]
        where = "" if after is None else " WHERE id > ?"
        batch = conn.records(
            f"SELECT {columns} FROM {quote(table)}{where} ORDER BY id LIMIT {_FETCH}", params
        )
        yield from batch
        if len(batch) < _FETCH:
            return
        after = batch[-1].id


def walk(conn: Connection, table: str) -> ChainState:
    """Check one chain from its first row: the first row whose hash does not match its content, or whose
    prev_hash is not the hash of the row before it."""
    count, previous, prev_hash = 0, None, ""
    for row in _rows(conn, table):
        count += 1
        if (row.prev_hash or "") != prev_hash:
            problem = "head_missing" if previous is None else "link_broken"
            return ChainState(table, count, row.id, Break(table, row.id, problem, previous))
        if row.hash != row_hash(table, row.id, row._asdict(), row.prev_hash or ""):
            return ChainState(table, count, row.id, Break(table, row.id, "content_edited", previous))
        previous, prev_hash = row.id, row.hash
    return ChainState(table, count, previous, None)


def walk_all(conn: Connection) -> list[ChainState]:
    return [walk(conn, table) for table in CHAINED]


def verify(db: Database) -> list[ChainState]:
    """Walk every history chain (the service behind `giscope history verify`)."""
    with db.read() as conn:
        return walk_all(conn)
