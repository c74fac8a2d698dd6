"""Maps register rows to the pure model, in bulk where imports need it. Returns frozen dataclasses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, true, update

from gi_lists.model import GI, HistoryEvent, Name, Protection
from storage import tables as t

_CHUNK = 900  # stay under SQLite's bound-parameter limit


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
    )


class GIRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(t.gis)).scalar_one())

    def version(self) -> RegisterVersion:
        last = self.conn.execute(
            select(t.batches.c.id, t.batches.c.at).order_by(t.batches.c.id.desc()).limit(1)
        ).first()
        event = self.conn.execute(select(func.max(t.history.c.id))).scalar_one()
        return RegisterVersion(self.count(), last.id if last else None, last.at if last else None, event)

    def ids(self) -> set[str]:
        return {row[0] for row in self.conn.execute(select(t.gis.c.id))}

    def identity_index(self, kinds: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """compact key -> [(gi id, origin)] over names of the given kinds."""
        query = (
            select(t.name_keys.c.compact, t.gis.c.id, t.gis.c.origin)
            .join(t.gis, t.gis.c.id == t.name_keys.c.gi_id)
            .where(t.name_keys.c.kind.in_(list(kinds)), t.name_keys.c.form_rank == 0)
        )
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for compact, gi_id, origin in self.conn.execute(query):
            entry = (gi_id, origin)
            bucket = index[compact]
            if entry not in bucket:
                bucket.append(entry)
        return index

    def gi_facts(self) -> dict[str, tuple[str, str, str | None]]:
        """gi id -> (product class, origin, region), for every GI."""
        query = select(t.gis.c.id, t.gis.c.product_class, t.gis.c.origin, t.gis.c.region)
        return {r.id: (r.product_class, r.origin, r.region) for r in self.conn.execute(query)}

    def name_sets(self) -> dict[str, tuple[set[tuple[str, str]], int]]:
        """gi id -> ({(text, kind)}, next position), for every GI."""
        out: dict[str, tuple[set[tuple[str, str]], int]] = {}
        query = select(t.names.c.gi_id, t.names.c.text, t.names.c.kind, t.names.c.position)
        for gi_id, text, kind, position in self.conn.execute(query):
            forms, nxt = out.get(gi_id, (set(), 0))
            forms.add((text, kind))
            out[gi_id] = (forms, max(nxt, position + 1))
        return out

    def list_protections(self, selector: ListSelector) -> list[StoredProtection]:
        p = t.protections
        conditions = []
        if selector.agreement is not None:
            conditions.append(p.c.agreement_id == selector.agreement)
        if selector.annex is not None:
            conditions.append(p.c.annex == selector.annex)
        if selector.jurisdiction is not None:
            conditions.append(p.c.jurisdiction == selector.jurisdiction)
        if selector.route is not None:
            conditions.append(p.c.route == selector.route)
        query = select(p).where(and_(true(), *conditions)).order_by(p.c.id)
        return [StoredProtection(row.id, row.gi_id, _protection(row)) for row in self.conn.execute(query)]

    def get_many(self, ids: Sequence[str], *, with_history: bool = False) -> list[GI]:
        """GIs in the order of `ids` (unknown ids are skipped)."""
        if not ids:
            return []
        facts: dict[str, Any] = {}
        names: dict[str, list[Name]] = defaultdict(list)
        prots: dict[str, list[Protection]] = defaultdict(list)
        hist: dict[str, list[HistoryEvent]] = defaultdict(list)
        for chunk in _chunks(list(dict.fromkeys(ids))):
            for row in self.conn.execute(select(t.gis).where(t.gis.c.id.in_(chunk))):
                facts[row.id] = row
            query = (
                select(t.names)
                .where(t.names.c.gi_id.in_(chunk))
                .order_by(t.names.c.gi_id, t.names.c.position)
            )
            for row in self.conn.execute(query):
                names[row.gi_id].append(Name(row.text, row.kind, row.lang, row.script))
            query = select(t.protections).where(t.protections.c.gi_id.in_(chunk)).order_by(t.protections.c.id)
            for row in self.conn.execute(query):
                prots[row.gi_id].append(_protection(row))
            if with_history:
                query = select(t.history).where(t.history.c.gi_id.in_(chunk)).order_by(t.history.c.id)
                for row in self.conn.execute(query):
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
    ) -> list[str]:
        """GI ids having at least one protection that matches every given filter, in id order."""
        p = t.protections
        conditions = []
        if agreement is not None:
            conditions.append(p.c.agreement_id == agreement)
        if annex is not None:
            conditions.append(p.c.annex == annex)
        if jurisdictions is not None:
            conditions.append(p.c.jurisdiction.in_(list(jurisdictions)))
        if status is not None:
            conditions.append(p.c.status == status)
        query = select(p.c.gi_id).where(and_(true(), *conditions)).distinct().order_by(p.c.gi_id)
        if not conditions:
            query = select(t.gis.c.id).order_by(t.gis.c.id)
        return [row[0] for row in self.conn.execute(query)]

    def search_keys(
        self, compacts: Sequence[str], words: Sequence[str], substrings: Sequence[str]
    ) -> list[tuple[str, str, str, str]]:
        """(gi id, kind, form, compact) of name keys that equal a compact key, start a word with one of
        `words`, or contain one of `substrings`. Keys are stored folded, so LIKE behaves the same on
        SQLite and PostgreSQL."""
        k = t.name_keys
        conditions = []
        if compacts:
            conditions.append(k.c.compact.in_(list(compacts)))
        for word in words:
            escaped = _like_escape(word)
            conditions.append(k.c.form.like(f"{escaped}%", escape="\\"))
            conditions.append(k.c.form.like(f"% {escaped}%", escape="\\"))
        for sub in substrings:
            conditions.append(k.c.compact.like(f"%{_like_escape(sub)}%", escape="\\"))
        if not conditions:
            return []
        query = select(k.c.gi_id, k.c.kind, k.c.form, k.c.compact).where(or_(*conditions))
        return [(r[0], r[1], r[2], r[3]) for r in self.conn.execute(query)]

    def all_keys(self) -> list[tuple[str, str, str]]:
        """(gi id, kind, compact) of every name key (for fuzzy fallback)."""
        k = t.name_keys
        return [(r[0], r[1], r[2]) for r in self.conn.execute(select(k.c.gi_id, k.c.kind, k.c.compact))]

    # -- writing (bulk) -----------------------------------------------------------------------

    def insert_batch(self, values: dict[str, Any]) -> int:
        result = self.conn.execute(insert(t.batches).values(**values))
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def insert_rows(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert through the driver's executemany (imports write ~10 rows per list entry;
        SQLAlchemy's per-row parameter processing would dominate a 100,000-row batch)."""
        if not rows:
            return
        table = t.metadata.tables[table_name]
        columns = list(rows[0])
        unknown = [c for c in columns if c not in table.c]
        if unknown:
            raise ValueError(f"{table_name} has no column(s) {unknown}")
        prep = self.conn.dialect.identifier_preparer
        style = self.conn.dialect.paramstyle
        if style == "qmark":
            marks = ", ".join("?" for _ in columns)
        elif style in ("format", "pyformat"):
            marks = ", ".join("%s" for _ in columns)
        else:  # pragma: no cover - other drivers
            for chunk in _chunks(rows, 5000):
                self.conn.execute(insert(table), list(chunk))
            return
        sql = (
            f"INSERT INTO {prep.quote(table.name)} ({', '.join(prep.quote(c) for c in columns)}) "
            f"VALUES ({marks})"
        )
        for chunk in _chunks(rows, 20000):
            self.conn.exec_driver_sql(sql, [tuple(row[c] for c in columns) for row in chunk])

    def update_protection(self, row_id: int, values: dict[str, Any]) -> None:
        self.conn.execute(update(t.protections).where(t.protections.c.id == row_id).values(**values))

    def update_gi(self, gi_id: str, values: dict[str, Any]) -> None:
        self.conn.execute(update(t.gis).where(t.gis.c.id == gi_id).values(**values))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
