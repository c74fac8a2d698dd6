"""Agreement services: the bundled agreement records and the overview of lists per agreement."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from agreements.model import Agreement, AgreementEvent, Annex, ListCount
from agreements.repository import AgreementRepository
from config import REFERENCE_DIR


def load_bundled_agreements(reference_dir: Path = REFERENCE_DIR) -> list[Agreement]:
    """agreements.json plus the dated China–EU events of annex_events.csv."""
    data = json.loads((reference_dir / "agreements.json").read_text(encoding="utf-8"))
    events: list[AgreementEvent] = []
    with open(reference_dir / "annex_events.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            events.append(
                AgreementEvent(
                    agreement_id="china-eu",
                    date=row["date"],
                    event=row["event"],
                    annexes=tuple(a for a in row["annex"].split(";") if a),
                    parties=tuple(p for p in row["party"].split(";") if p),
                    count=int(row["count"]) if row["count"] else None,
                    source=row["source"],
                    confidence=row["confidence"],
                )
            )
    out = []
    for item in data["agreements"]:
        out.append(
            Agreement(
                id=item["id"],
                title_en=item["title_en"],
                title_zh=item["title_zh"],
                kind=item["kind"],
                parties=tuple(item["parties"]),
                signed=item.get("signed"),
                in_force=item.get("in_force"),
                note_en=item.get("note_en"),
                note_zh=item.get("note_zh"),
                source=item.get("source"),
                confidence=item["confidence"],
                extra=item.get("extra") or {},
                annexes=tuple(
                    Annex(agreement_id=item["id"], **{k: v for k, v in annex.items()})
                    for annex in item["annexes"]
                ),
                events=tuple(e for e in events if e.agreement_id == item["id"]),
            )
        )
    return out


@dataclass(frozen=True)
class AgreementOverview:
    agreement: Agreement
    lists: tuple[ListCount, ...]

    @property
    def total(self) -> int:
        return sum(lc.total for lc in self.lists)


def overview(conn: Connection) -> list[AgreementOverview]:
    """Each agreement with the number of GIs per list (annex), split by status."""
    repo = AgreementRepository(conn)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for agreement_id, annex_code, status, n in repo.list_counts():
        counts[(agreement_id, annex_code)][status] = n
    out = []
    for agreement in repo.all():
        lists = []
        for annex in agreement.annexes:
            if not annex.holds_names:
                continue
            by_status = counts.get((agreement.id, annex.code), {})
            lists.append(
                ListCount(
                    agreement.id, annex.code, sum(by_status.values()), dict(by_status), annex.expected_count
                )
            )
        extra = counts.get((agreement.id, ""), {})
        if extra or not agreement.annexes:
            lists.append(ListCount(agreement.id, None, sum(extra.values()), dict(extra), None))
        out.append(AgreementOverview(agreement, tuple(lists)))
    return out
