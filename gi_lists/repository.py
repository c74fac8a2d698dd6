"""Maps register rows to the pure model, in bulk where imports need it. Returns frozen dataclasses.

Plain, portable SQL through storage.db (the same text on SQLite and PostgreSQL).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gi_lists.model import GI, HistoryEvent, Name, Protection
from storage.chain import append
from storage.db import Connection, StaleVersion, in_list, quote

_CHUNK = 900  # stay under SQLite's bound-parameter limit
COLUMNS = {  # the columns bulk inserts may name (storage/tables.py declares them)
    "gis": {"id", "product_class", "origin", "region", "created_at", "updated_at"},
    "names": {"gi_id", "position", "text", "kind", "lang", "script", "source", "confidence"},
    "name_keys": {"gi_id", "kind", "form_rank", "form", "compact"},
    "protections": {
        "gi_id", "jurisdiction", "route", "agreement_id", "annex", "status", "since", "until", "source",
        "confidence", "note", "batch_id", "reference",
    },
    "readings": {"system", "text", "reading", "version"},
}  # fmt: skip


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass(frozen=True)
class StoredProtection:
    row_id: int
    gi_id: str
    protection: Protection


@dataclass(frozen=True)
class RegisterVersion:
    """How big the register is and what changed last (for fingerprints and briefing footers)."""

    gis: int
    last_batch_id: int | None
    last_batch_at: str | None
    last_event_id: int | None


@dataclass(frozen=True)
class ListSelector:
    """Which stored protections make up one list (see ListTarget.key)."""

    agreement: str | None = None
    annex: str | None = None
    jurisdiction: str | None = None
    route: str | None = None


def _protection(row: Any) -> Protection:
    return Protection(
        jurisdiction=row.jurisdiction,
        route=row.route,
        agreement=row.agreement_id or None,
        annex=row.annex or None,
        status=row.status,
        since=row.since,
        until=row.until,
        source=row.source,
        confidence=row.confidence,
        note=row.note,
        reference=row.reference,
    )


def _where(conditions: list[tuple[str, Sequence[Any]]]) -> tuple[str, list[Any]]:
    """' WHERE a AND b' and its parameters, from (clause, parameters) pairs ('' when none)."""
    if not conditions:
        return "", []
    return " WHERE " + " AND ".join(c for c, _ in conditions), [v for _, vs in conditions for v in vs]


class GIRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.scalar("SELECT count(*) FROM gis"))

    def version(self) -> RegisterVersion:
        last = self.conn.first("SELECT id, at FROM batches ORDER BY id DESC LIMIT 1")
        event = self.conn.scalar("SELECT max(id) FROM history")
        return RegisterVersion(self.count(), last.id if last else None, last.at if last else None, event)

    def ids(self) -> set[str]:
        return {row[0] for row in self.conn.rows("SELECT id FROM gis")}

    def identity_index(self, kinds: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """compact key -> [(gi id, origin)] over names of the given kinds."""
        sql = (
            "SELECT name_keys.compact, gis.id, gis.origin FROM name_keys "
            "JOIN gis ON gis.id = name_keys.gi_id "
            f"WHERE name_keys.kind IN {in_list(kinds)} AND name_keys.form_rank = 0"
        )
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for compact, gi_id, origin in self.conn.rows(sql, list(kinds)):
            entry = (gi_id, origin)
            bucket = index[compact]
            if entry not in bucket:
                bucket.append(entry)
        return index

    def gi_facts(self) -> dict[str, tuple[str, str, str | None]]:
        """gi id -> (product class, origin, region), for every GI."""
        rows = self.conn.rows("SELECT id, product_class, origin, region FROM gis")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def name_sets(self) -> dict[str, tuple[set[tuple[str, str]], int]]:
        """gi id -> ({(text, kind)}, next position), for every GI."""
        out: dict[str, tuple[set[tuple[str, str]], int]] = {}
        for gi_id, text, kind, position in self.conn.rows("SELECT gi_id, text, kind, position FROM names"):
            forms, nxt = out.get(gi_id, (set(), 0))
            forms.add((text, kind))
            out[gi_id] = (forms, max(nxt, position + 1))
        return out

    def coverage_rows(
        self, jurisdictions: Sequence[str], statuses: Sequence[str], *, home_file: str
    ) -> tuple[list[tuple[str, str, str, int]], int]:
        """(list key, file, applied at, GIs) of the batches that hold the protections in force or open in
        these jurisdictions (the inferred home protections of every jurisdiction as one list), and how
        many distinct GIs those are."""
        where = f"p.jurisdiction IN {in_list(jurisdictions)} AND p.status IN {in_list(statuses)}"
        params = [*jurisdictions, *statuses]
        rows = self.conn.rows(
            "SELECT list, file, max(at), count(DISTINCT gi_id) FROM ("
            "SELECT CASE WHEN b.file = ? THEN 'home' ELSE b.list_key END AS list, b.file AS file, "
            "b.at AS at, p.gi_id AS gi_id, b.id AS batch "
            f"FROM protections p JOIN batches b ON b.id = p.batch_id WHERE {where}) covered "
            "GROUP BY list, file ORDER BY min(batch)",
            [home_file, *params],
        )
        total = self.conn.scalar(f"SELECT count(DISTINCT p.gi_id) FROM protections p WHERE {where}", params)
        return [(r[0], r[1], r[2], int(r[3])) for r in rows], int(total or 0)

    def newer_batches(
        self, list_key: str, than_file: str, besides: Sequence[str] = ()
    ) -> list[tuple[str, str]]:
        """(file, at) of the batches of a list from any file but `than_file` (and `besides`) applied after
        the last batch from `than_file`: e.g. a refresh from the live register after the bundled snapshot."""
        last = self.conn.scalar(
            "SELECT max(id) FROM batches WHERE list_key = ? AND file = ?", [list_key, than_file]
        )
        skip = [than_file, *besides]
        rows = self.conn.rows(
            "SELECT file, at FROM batches WHERE list_key = ? AND id > ? "
            f"AND file NOT IN {in_list(skip)} ORDER BY id",
            [list_key, last or 0, *skip],
        )
        return [(r[0], r[1]) for r in rows]

    def protection_references(self) -> dict[str, str]:
        """Register file numbers -> the GI whose protection holds it."""
        rows = self.conn.rows("SELECT reference, gi_id FROM protections WHERE reference IS NOT NULL")
        return {reference: gi_id for reference, gi_id in rows}

    def register_rows(self, jurisdiction: str, route: str) -> int:
        """The rows a national register's list holds now: its protections that carry the register's file
        number, not withdrawn and not tracked under a bilateral arrangement."""
        sql = (
            "SELECT count(*) FROM protections WHERE jurisdiction = ? AND route = ? AND agreement_id = '' "
            "AND reference IS NOT NULL AND status <> 'withdrawn'"
        )
        return int(self.conn.scalar(sql, [jurisdiction, route]))

    def list_protections(self, selector: ListSelector) -> list[StoredProtection]:
        conditions: list[tuple[str, Sequence[Any]]] = []
        if selector.agreement is not None:
            conditions.append(("agreement_id = ?", [selector.agreement]))
        if selector.annex is not None:
            conditions.append(("annex = ?", [selector.annex]))
        if selector.jurisdiction is not None:
            conditions.append(("jurisdiction = ?", [selector.jurisdiction]))
        if selector.route is not None:
            conditions.append(("route = ?", [selector.route]))
        where, params = _where(conditions)
        rows = self.conn.records(f"SELECT * FROM protections{where} ORDER BY id", params)
        return [StoredProtection(row.id, row.gi_id, _protection(row)) for row in rows]

    def get_many(self, ids: Sequence[str], *, with_history: bool = False) -> list[GI]:
        """GIs in the order of `ids` (unknown ids are skipped)."""
        if not ids:
            return []
        facts: dict[str, Any] = {}
        names: dict[str, list[Name]] = defaultdict(list)
        prots: dict[str, list[Protection]] = defaultdict(list)
        hist: dict[str, list[HistoryEvent]] = defaultdict(list)
        for chunk in _chunks(list(dict.fromkeys(ids))):
            among = in_list(chunk)
            for row in self.conn.records(f"SELECT * FROM gis WHERE id IN {among}", chunk):
                facts[row.id] = row
            sql = (
                "SELECT gi_id, text, kind, lang, script, source, confidence FROM names "
                f'WHERE gi_id IN {among} ORDER BY gi_id, "position"'
            )
            for gi_id, text, kind, lang, script, source, confidence in self.conn.rows(sql, chunk):
                names[gi_id].append(Name(text, kind, lang, script, source, confidence))
            for row in self.conn.records(
                f"SELECT * FROM protections WHERE gi_id IN {among} ORDER BY id", chunk
            ):
                prots[row.gi_id].append(_protection(row))
            if with_history:
                sql = f"SELECT * FROM history WHERE gi_id IN {among} ORDER BY id"
                for row in self.conn.records(sql, chunk):
                    hist[row.gi_id].append(
                        HistoryEvent(
                            gi_id=row.gi_id,
                            at=row.at,
                            who=row.who,
                            what=row.what,
                            before=row.before,
                            after=row.after,
                            reason=row.reason,
                            source=row.source,
                        )
                    )
        out = []
        for gi_id in ids:
            fact = facts.get(gi_id)
            if fact is None:
                continue
            out.append(
                GI(
                    id=fact.id,
                    names=tuple(names[gi_id]),
                    product_class=fact.product_class,
                    origin=fact.origin,
                    region=fact.region,
                    protections=tuple(prots[gi_id]),
                    history=tuple(hist[gi_id]),
                )
            )
        return out

    def get(self, gi_id: str, *, with_history: bool = True) -> GI | None:
        found = self.get_many([gi_id], with_history=with_history)
        return found[0] if found else None

    def ids_with_protections(
        self,
        *,
        agreement: str | None = None,
        annex: str | None = None,
        jurisdictions: Sequence[str] | None = None,
        status: str | None = None,
        statuses: Sequence[str] | None = None,
        route: str | None = None,
        confidence: str | None = None,
    ) -> list[str]:
        """GI ids having at least one protection that matches every given filter, in id order."""
        conditions: list[tuple[str, Sequence[Any]]] = []
        if route is not None:
            conditions.append(("route = ?", [route]))
        if confidence is not None:
            conditions.append(("confidence = ?", [confidence]))
        if agreement is not None:
            conditions.append(("agreement_id = ?", [agreement]))
        if annex is not None:
            conditions.append(("annex = ?", [annex]))
        if jurisdictions is not None:
            conditions.append((f"jurisdiction IN {in_list(jurisdictions)}", list(jurisdictions)))
        if status is not None:
            conditions.append(("status = ?", [status]))
        if statuses is not None:
            conditions.append((f"status IN {in_list(statuses)}", list(statuses)))
        if not conditions:
            return [row[0] for row in self.conn.rows("SELECT id FROM gis ORDER BY id")]
        where, params = _where(conditions)
        return [
            row[0]
            for row in self.conn.rows(f"SELECT DISTINCT gi_id FROM protections{where} ORDER BY gi_id", params)
        ]

    def distinct(self, table: str, *columns: str) -> list[tuple[Any, ...]]:
        """The distinct combinations of some columns of a table (the facts a list can be narrowed by)."""
        if table not in COLUMNS or not columns or not set(columns) <= COLUMNS[table]:
            raise ValueError(f"{table} has no column(s) {columns}")
        named = ", ".join(columns)
        return [tuple(r) for r in self.conn.rows(f"SELECT DISTINCT {named} FROM {table}")]

    def search_keys(
        self, compacts: Sequence[str], words: Sequence[str], substrings: Sequence[str]
    ) -> list[tuple[str, str, str, str, int]]:
        """(gi id, kind, form, compact, form rank) of name keys that equal a compact key, start a word with
        one of `words`, or contain one of `substrings` (rank 0: a name's own form; 1+: a romanisation).
        Exact keys are looked up by bound parameters; words and substrings are matched in Python over the
        stored (folded) keys, so no LIKE pattern is ever built from the user's text (SQLite refuses a
        long one as too complex, and both databases then agree by construction)."""
        rows: list[tuple[str, str, str, str, int]] = []
        if compacts:
            for chunk in _chunks(list(compacts)):
                sql = (
                    "SELECT gi_id, kind, form, compact, form_rank FROM name_keys "
                    f"WHERE compact IN {in_list(chunk)}"
                )
                rows += [(r[0], r[1], r[2], r[3], int(r[4])) for r in self.conn.rows(sql, list(chunk))]
        if words or substrings:
            wanted = set(compacts)  # one test per row: a prefix tuple, two alternations ((?!): none)
            starts = tuple(words)
            inner = re.compile("|".join(re.escape(f" {w}") for w in words) or "(?!)")
            inside = re.compile("|".join(map(re.escape, substrings)) or "(?!)")
            for r in self.conn.rows("SELECT gi_id, kind, form, compact, form_rank FROM name_keys"):
                form, key = r[2], r[3]
                if key in wanted:
                    continue  # found above
                if form.startswith(starts) or inner.search(form) or inside.search(key):
                    rows.append((r[0], r[1], form, key, int(r[4])))
        return rows

    def all_keys(self) -> list[tuple[str, str, str]]:
        """(gi id, kind, compact) of every name key (for fuzzy fallback)."""
        return [(r[0], r[1], r[2]) for r in self.conn.rows("SELECT gi_id, kind, compact FROM name_keys")]

    def readings(self, keys: Sequence[tuple[str, str]] | None = None) -> dict[str, dict[str, str]]:
        """Stored readings, by system and key: all of them, or those of `keys` ((system, key) pairs)."""
        out: dict[str, dict[str, str]] = defaultdict(dict)
        if keys is None:
            rows = self.conn.rows('SELECT "system", "text", reading FROM readings')
        else:
            rows = []
            for chunk in _chunks(list(dict.fromkeys(k for _, k in keys)), _CHUNK):
                sql = f'SELECT "system", "text", reading FROM readings WHERE "text" IN {in_list(chunk)}'
                rows += self.conn.rows(sql, chunk)
        for system, text, reading in rows:
            out[system][text] = reading
        return out

    def reading_versions(self) -> dict[tuple[str, str], str]:
        """(system, key) -> the version of the romaniser that made the stored reading."""
        rows = self.conn.rows('SELECT "system", "text", version FROM readings')
        return {(r[0], r[1]): r[2] for r in rows}

    def readings_made(self) -> tuple[tuple[str, str, int], ...]:
        """(system, romaniser version, how many) of the stored readings: changes when `giscope init`
        computes them again after an upgrade, which no batch records."""
        sql = 'SELECT "system", version, count(*) FROM readings GROUP BY "system", version'
        return tuple(sorted((r[0], r[1], int(r[2])) for r in self.conn.rows(sql)))

    def name_texts(self) -> set[str]:
        return {r[0] for r in self.conn.rows("SELECT DISTINCT text FROM names")}

    # -- writing (bulk) -----------------------------------------------------------------------

    def save_readings(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """Store (system, key, reading, version) rows over what is stored for those keys (another import
        may have stored the same reading meanwhile)."""
        self.conn.insert_many(
            "readings",
            [{"system": s, "text": k, "reading": r, "version": v} for s, k, r, v in rows],
            upsert_on=("system", "text"),
        )

    def insert_batch(self, values: dict[str, Any]) -> int:
        return int(self.conn.insert("batches", values, returning="id"))

    def insert_rows(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert through the driver's executemany (imports write ~10 rows per list entry)."""
        if not rows:
            return
        unknown = [c for c in rows[0] if c not in COLUMNS[table_name]]
        if unknown:
            raise ValueError(f"{table_name} has no column(s) {unknown}")
        self.conn.insert_many(table_name, rows)

    def append_history(self, rows: list[dict[str, Any]]) -> None:
        """Add lines to the GIs' history, chained (storage/chain.py); history is never updated or deleted."""
        append(self.conn, "history", rows)

    def update_protection(self, row_id: int, values: dict[str, Any], *, version: int | None = None) -> None:
        self._update_versioned("protections", values, row_id, version)

    def update_gi(self, gi_id: str, values: dict[str, Any], *, version: int | None = None) -> None:
        self._update_versioned("gis", values, gi_id, version)

    def _update_versioned(self, table: str, values: dict[str, Any], row_id: Any, version: int | None) -> None:
        """UPDATE one row and raise its version; with `version` (the one read), only if it is still that
        one, else StaleVersion (the transaction is run again on fresh data)."""
        sets = ", ".join(f"{quote(c)} = ?" for c in values)
        where, params = (
            ("id = ? AND version = ?", [row_id, version]) if version is not None else ("id = ?", [row_id])
        )
        sql = f"UPDATE {quote(table)} SET {sets}, version = version + 1 WHERE {where}"
        if self.conn.execute(sql, [*values.values(), *params]) != 1 and version is not None:
            raise StaleVersion(f"{table} {row_id}")
