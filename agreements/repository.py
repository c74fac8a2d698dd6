"""Maps agreement rows to the pure model."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace

from agreements.model import (
    Agreement,
    AgreementEvent,
    Annex,
    Case,
    Fact,
    Profile,
    ProfileField,
    ScopeDimension,
    ScopeValue,
)
from citations import cite, cited_extra
from storage.chain import append
from storage.db import Connection, StaleVersion


class AgreementRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Agreement]:
        annexes: dict[str, list[Annex]] = defaultdict(list)
        for row in self.conn.records('SELECT * FROM annexes ORDER BY agreement_id, "position"'):
            annexes[row.agreement_id].append(
                Annex(
                    agreement_id=row.agreement_id,
                    code=row.code,
                    meaning_en=row.meaning_en,
                    meaning_zh=row.meaning_zh,
                    names_from=row.names_from,
                    protected_in=row.protected_in,
                    default_status=row.default_status,
                    default_since=row.default_since,
                    expected_count=row.expected_count,
                    source=cite(row.source),
                    confidence=row.confidence,
                )
            )
        events: dict[str, list[AgreementEvent]] = defaultdict(list)
        for row in self.conn.records('SELECT * FROM agreement_events ORDER BY "date", id'):
            events[row.agreement_id].append(
                AgreementEvent(
                    agreement_id=row.agreement_id,
                    date=row.date,
                    event=row.event,
                    annexes=tuple(a for a in (row.annexes or "").split(";") if a),
                    parties=tuple(p for p in (row.parties or "").split(";") if p),
                    count=row.count,
                    source=cite(row.source),
                    confidence=row.confidence,
                )
            )
        out = []
        for row in self.conn.records("SELECT * FROM agreements ORDER BY id"):
            out.append(
                Agreement(
                    id=row.id,
                    title_en=row.title_en,
                    title_zh=row.title_zh,
                    kind=row.kind,
                    parties=tuple(json.loads(row.parties)),
                    signed=row.signed,
                    in_force=row.in_force,
                    note_en=row.note_en,
                    note_zh=row.note_zh,
                    source=cite(row.source),
                    confidence=row.confidence,
                    extra=cited_extra(json.loads(row.extra) if row.extra else {}),
                    annexes=tuple(annexes[row.id]),
                    events=tuple(events[row.id]),
                )
            )
        return out

    def get(self, agreement_id: str) -> Agreement | None:
        return next((a for a in self.all() if a.id == agreement_id), None)

    def ids(self) -> list[str]:
        return [row[0] for row in self.conn.rows("SELECT id FROM agreements ORDER BY id")]

    def replace_all(self, agreements: list[Agreement]) -> None:
        """Write the bundled agreement records (reference data, replaced as a whole when they differ)."""

        def canonical(items: list[Agreement]) -> dict[str, tuple[Agreement, str]]:
            return {
                a.id: (
                    replace(a, events=tuple(sorted(a.events, key=lambda e: (e.date, e.event)))),
                    json.dumps(a.extra, sort_keys=True),
                )
                for a in items
            }

        if canonical(self.all()) == canonical(agreements):
            return
        self.conn.execute("DELETE FROM annexes")
        self.conn.execute("DELETE FROM agreement_events")
        self.conn.execute("DELETE FROM agreements")
        for a in agreements:
            self.conn.insert(
                "agreements",
                dict(
                    id=a.id,
                    title_en=a.title_en,
                    title_zh=a.title_zh,
                    kind=a.kind,
                    parties=json.dumps(list(a.parties)),
                    signed=a.signed,
                    in_force=a.in_force,
                    note_en=a.note_en,
                    note_zh=a.note_zh,
                    source=a.source,
                    confidence=a.confidence,
                    extra=json.dumps(a.extra, ensure_ascii=False) if a.extra else None,
                ),
            )
            for position, x in enumerate(a.annexes):
                self.conn.insert(
                    "annexes",
                    dict(
                        agreement_id=a.id,
                        code=x.code,
                        position=position,
                        meaning_en=x.meaning_en,
                        meaning_zh=x.meaning_zh,
                        names_from=x.names_from,
                        protected_in=x.protected_in,
                        default_status=x.default_status,
                        default_since=x.default_since,
                        expected_count=x.expected_count,
                        source=x.source,
                        confidence=x.confidence,
                    ),
                )
            for e in a.events:
                self.conn.insert(
                    "agreement_events",
                    dict(
                        agreement_id=a.id,
                        date=e.date,
                        event=e.event,
                        annexes=";".join(e.annexes) or None,
                        parties=";".join(e.parties) or None,
                        count=e.count,
                        source=e.source,
                        confidence=e.confidence,
                    ),
                )

    def list_counts(self) -> list[tuple[str, str, str, int]]:
        """(agreement id, annex, status, number of GIs) for every list in the register."""
        sql = (
            "SELECT agreement_id, annex, status, count(DISTINCT gi_id) FROM protections "
            "WHERE agreement_id != '' GROUP BY agreement_id, annex, status"
        )
        return [(r[0], r[1], r[2], int(r[3])) for r in self.conn.rows(sql)]


class ProfileRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def jurisdictions(self) -> list[str]:
        return [r[0] for r in self.conn.rows("SELECT jurisdiction FROM profiles ORDER BY jurisdiction")]

    def get(self, jurisdiction: str) -> Profile | None:
        meta = self.conn.first("SELECT * FROM profiles WHERE jurisdiction = ?", [jurisdiction])
        if meta is None:
            return None
        fields = tuple(
            ProfileField(
                r.key,
                r.label_en,
                r.label_zh,
                Fact(r.value_en, r.value_zh, cite(r.source), r.confidence),
                r.updated_at,
                r.updated_by,
                r.version,
            )
            for r in self.conn.records(
                'SELECT * FROM profile_fields WHERE jurisdiction = ? ORDER BY "position"', [jurisdiction]
            )
        )
        cases = tuple(
            Case(
                r.name,
                r.court,
                r.date,
                r.point_en,
                r.point_zh,
                cite(r.source),
                r.confidence,
                r.court_zh,
                r.date_zh,
                r.name_zh,
            )
            for r in self.conn.records(
                'SELECT * FROM profile_cases WHERE jurisdiction = ? ORDER BY "position"', [jurisdiction]
            )
        )
        return Profile(meta.jurisdiction, meta.name_en, meta.name_zh, fields, cases)

    def history(self, jurisdiction: str, key: str | None = None) -> list[dict[str, object]]:
        sql = "SELECT * FROM profile_history WHERE jurisdiction = ?"
        params = [jurisdiction]
        if key:
            sql += ' AND "key" = ?'
            params.append(key)
        rows = self.conn.records(sql + " ORDER BY id", params)
        return [{k: v for k, v in r._asdict().items() if k not in ("prev_hash", "hash")} for r in rows]

    def save_profile(self, profile: Profile, *, at: str, who: str, overwrite: bool) -> int:
        """Insert a bundled profile; fields staff already hold are kept unless `overwrite`.
        Returns the number of fields written."""
        exists = self.get(profile.jurisdiction)
        if exists is None:
            self.conn.insert(
                "profiles",
                dict(jurisdiction=profile.jurisdiction, name_en=profile.name_en, name_zh=profile.name_zh),
            )
        written = 0
        for position, f in enumerate(profile.fields):
            current = exists.field(f.key) if exists else None
            if current is None:
                self.conn.insert(
                    "profile_fields",
                    dict(
                        jurisdiction=profile.jurisdiction,
                        key=f.key,
                        position=position,
                        label_en=f.label_en,
                        label_zh=f.label_zh,
                        value_en=f.fact.value_en,
                        value_zh=f.fact.value_zh,
                        source=f.fact.source,
                        confidence=f.fact.confidence,
                        updated_at=at,
                        updated_by=who,
                    ),
                )
                written += 1
            elif overwrite and current.fact != f.fact:
                self.update_field(
                    profile.jurisdiction,
                    f.key,
                    f.fact,
                    at=at,
                    who=who,
                    reason="bundled reference data reloaded",
                )
                written += 1
        if exists is None or overwrite or exists.cases != profile.cases:  # cases are bundled data only
            self.conn.execute("DELETE FROM profile_cases WHERE jurisdiction = ?", [profile.jurisdiction])
            for position, c in enumerate(profile.cases):
                self.conn.insert(
                    "profile_cases",
                    dict(
                        jurisdiction=profile.jurisdiction,
                        position=position,
                        name=c.name,
                        court=c.court,
                        date=c.date,
                        point_en=c.point_en,
                        point_zh=c.point_zh,
                        source=c.source,
                        confidence=c.confidence,
                        court_zh=c.court_zh,
                        date_zh=c.date_zh,
                        name_zh=c.name_zh,
                    ),
                )
        return written

    def lock_field(self, jurisdiction: str, key: str) -> None:
        """Hold the field for the rest of the transaction (a row lock on PostgreSQL, the write lock on
        SQLite), so what is read next is what the update replaces."""
        self.conn.execute(
            'UPDATE profile_fields SET version = version WHERE jurisdiction = ? AND "key" = ?',
            [jurisdiction, key],
        )

    def last_change(self, jurisdiction: str, key: str) -> tuple[str, str] | None:
        """(who, at) of the field's latest recorded change."""
        row = self.conn.first(
            'SELECT who, "at" FROM profile_history WHERE jurisdiction = ? AND "key" = ? '
            "ORDER BY id DESC LIMIT 1",
            [jurisdiction, key],
        )
        return (row.who, row.at) if row else None

    def update_field(
        self, jurisdiction: str, key: str, fact: Fact, *, at: str, who: str, reason: str
    ) -> list[str]:
        """Change one field; each changed part goes to the history with the value it replaces (read in this
        transaction). Returns the parts changed. The update applies only to the version read: when another
        writer changed the field in between, StaleVersion ends the transaction (db.transaction runs it
        again)."""
        profile = self.get(jurisdiction)
        current = profile.field(key) if profile else None
        if current is None:
            raise KeyError(key)
        changed, lines = [], []
        for part in ("value_en", "value_zh", "source", "confidence"):
            before = getattr(current.fact, part)
            after = getattr(fact, part)
            if before != after:
                changed.append(part)
                lines.append(
                    dict(
                        jurisdiction=jurisdiction,
                        key=key,
                        at=at,
                        who=who,
                        what=part,
                        before=before,
                        after=after,
                        reason=reason,
                    )
                )
        append(self.conn, "profile_history", lines)  # chained, never updated or deleted (storage/chain.py)
        if changed:
            touched = self.conn.execute(
                "UPDATE profile_fields SET value_en = ?, value_zh = ?, source = ?, confidence = ?, "
                "updated_at = ?, updated_by = ?, version = version + 1 "
                'WHERE jurisdiction = ? AND "key" = ? AND version = ?',
                [*(getattr(fact, p) for p in ("value_en", "value_zh", "source", "confidence")), at, who]
                + [jurisdiction, key, current.version],
            )
            if touched != 1:
                raise StaleVersion(f"profile field {jurisdiction} {key}")
        return changed


class ScopeRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[ScopeDimension]:
        values: dict[str, dict[str, ScopeValue]] = defaultdict(dict)
        for r in self.conn.records("SELECT * FROM scope_values"):
            values[r.dimension][r.agreement_id] = ScopeValue(
                r.value_en,
                r.value_zh,
                r.article,
                r.note,
                cite(r.source),
                r.confidence,
                r.article_zh,
                r.note_zh,
                r.stance,
            )
        rows = self.conn.records('SELECT * FROM scope_dimensions ORDER BY "position"')
        return [ScopeDimension(r.key, r.label_en, r.label_zh, values[r.key]) for r in rows]

    def replace_all(self, dimensions: list[ScopeDimension]) -> bool:
        current = self.all()
        same = [(d, d.values) for d in current] == [(d, d.values) for d in dimensions]
        if same:
            return False
        self.conn.execute("DELETE FROM scope_values")
        self.conn.execute("DELETE FROM scope_dimensions")
        for position, d in enumerate(dimensions):
            self.conn.insert(
                "scope_dimensions",
                dict(key=d.key, position=position, label_en=d.label_en, label_zh=d.label_zh),
            )
            for agreement_id, v in d.values.items():
                self.conn.insert(
                    "scope_values",
                    dict(
                        dimension=d.key,
                        agreement_id=agreement_id,
                        value_en=v.value_en,
                        value_zh=v.value_zh,
                        article=v.article,
                        note=v.note,
                        source=v.source,
                        confidence=v.confidence,
                        article_zh=v.article_zh,
                        note_zh=v.note_zh,
                        stance=v.stance,
                    ),
                )
        return True
