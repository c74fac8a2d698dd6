"""Maps agreement rows to the pure model."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace

from sqlalchemy import Connection, delete, func, insert, select

from agreements.model import Agreement, AgreementEvent, Annex
from storage import tables as t


class AgreementRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Agreement]:
        annexes: dict[str, list[Annex]] = defaultdict(list)
        for row in self.conn.execute(
            select(t.annexes).order_by(t.annexes.c.agreement_id, t.annexes.c.position)
        ):
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
                    source=row.source,
                    confidence=row.confidence,
                )
            )
        events: dict[str, list[AgreementEvent]] = defaultdict(list)
        query = select(t.agreement_events).order_by(t.agreement_events.c.date, t.agreement_events.c.id)
        for row in self.conn.execute(query):
            events[row.agreement_id].append(
                AgreementEvent(
                    agreement_id=row.agreement_id,
                    date=row.date,
                    event=row.event,
                    annexes=tuple(a for a in (row.annexes or "").split(";") if a),
                    parties=tuple(p for p in (row.parties or "").split(";") if p),
                    count=row._mapping["count"],
                    source=row.source,
                    confidence=row.confidence,
                )
            )
        out = []
        for row in self.conn.execute(select(t.agreements).order_by(t.agreements.c.id)):
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
                    source=row.source,
                    confidence=row.confidence,
                    extra=json.loads(row.extra) if row.extra else {},
                    annexes=tuple(annexes[row.id]),
                    events=tuple(events[row.id]),
                )
            )
        return out

    def get(self, agreement_id: str) -> Agreement | None:
        return next((a for a in self.all() if a.id == agreement_id), None)

    def ids(self) -> list[str]:
        return [row.id for row in self.conn.execute(select(t.agreements.c.id).order_by(t.agreements.c.id))]

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
        self.conn.execute(delete(t.annexes))
        self.conn.execute(delete(t.agreement_events))
        self.conn.execute(delete(t.agreements))
        for a in agreements:
            self.conn.execute(
                insert(t.agreements).values(
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
                )
            )
            for position, x in enumerate(a.annexes):
                self.conn.execute(
                    insert(t.annexes).values(
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
                    )
                )
            for e in a.events:
                self.conn.execute(
                    insert(t.agreement_events).values(
                        agreement_id=a.id,
                        date=e.date,
                        event=e.event,
                        annexes=";".join(e.annexes) or None,
                        parties=";".join(e.parties) or None,
                        count=e.count,
                        source=e.source,
                        confidence=e.confidence,
                    )
                )

    def list_counts(self) -> list[tuple[str, str, str, int]]:
        """(agreement id, annex, status, number of GIs) for every list in the register."""
        p = t.protections
        query = (
            select(p.c.agreement_id, p.c.annex, p.c.status, func.count(func.distinct(p.c.gi_id)))
            .where(p.c.agreement_id != "")
            .group_by(p.c.agreement_id, p.c.annex, p.c.status)
        )
        return [(r[0], r[1], r[2], int(r[3])) for r in self.conn.execute(query)]
