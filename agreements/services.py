"""Agreement services: the bundled agreement records, the scope comparison data, and the overview of
lists per agreement."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from agreements.model import Agreement, AgreementEvent, Annex, ListCount, ScopeDimension, ScopeValue
from agreements.profiles import load_bundled_profiles
from agreements.repository import AgreementRepository, ProfileRepository, ScopeRepository
from citations import cite, cited_extra
from config import REFERENCE_DIR
from storage.db import Connection, Database


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
                    source=cite(row["source"]),
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
                source=cite(item.get("source")),
                confidence=item["confidence"],
                extra=cited_extra(item.get("extra") or {}),
                annexes=tuple(
                    Annex(agreement_id=item["id"], **{**annex, "source": cite(annex.get("source"))})
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


def overview(db: Database) -> list[AgreementOverview]:
    """Each agreement with the number of GIs per list (annex), split by status."""
    with db.read() as conn:
        repo = AgreementRepository(conn)
        list_counts = repo.list_counts()
        agreements = repo.all()
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for agreement_id, annex_code, status, n in list_counts:
        counts[(agreement_id, annex_code)][status] = n
    out = []
    for agreement in agreements:
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


def agreement_ids(db: Database) -> list[str]:
    with db.read() as conn:
        return AgreementRepository(conn).ids()


def get_agreements(db: Database, ids: list[str]) -> dict[str, Agreement]:
    """The agreement records asked for, by id (ids not in the register are left out)."""
    with db.read() as conn:
        repo = AgreementRepository(conn)
        found = {i: repo.get(i) for i in dict.fromkeys(ids)}
    return {i: a for i, a in found.items() if a is not None}


def load_bundled_scope(reference_dir: Path = REFERENCE_DIR) -> list[ScopeDimension]:
    data = json.loads((reference_dir / "scope.json").read_text(encoding="utf-8"))
    out = []
    for d in data["dimensions"]:
        values = {
            a: ScopeValue(
                v["value_en"],
                v["value_zh"],
                v["article"],
                v.get("note"),
                cite(v.get("source")),
                v["confidence"],
                v.get("article_zh"),
                v.get("note_zh"),
                v.get("stance"),
            )
            for a, v in d["values"].items()
        }
        out.append(ScopeDimension(d["key"], d["label_en"], d["label_zh"], values))
    return out


def sync_reference(conn: Connection, *, who: str, at: str, overwrite_profiles: bool) -> list[Agreement]:
    """Write the bundled agreement records, scope comparison and profiles (profile fields staff edited
    are kept unless `overwrite_profiles`); returns the agreements."""
    agreements = load_bundled_agreements()
    AgreementRepository(conn).replace_all(agreements)
    ScopeRepository(conn).replace_all(load_bundled_scope())
    profiles = ProfileRepository(conn)
    for p in load_bundled_profiles():
        profiles.save_profile(p, at=at, who=who, overwrite=overwrite_profiles)
    return agreements
