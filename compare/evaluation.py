"""Quality of conflict screening against a labelled set (pure; used by benchmarks/eval_conflicts.py
and by the test that keeps the numbers from slipping).

Set format (CSV): label, jurisdiction, product_class, expected_gi, expected_kind,
expected_min_severity, note. A row with an empty expected_gi is a negative: no hit may be `high`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from compare.conflicts import KINDS, SEVERITY_RANK, Checker, ConflictIndex, Hit
from compare.severity import relevant_protections


@dataclass(frozen=True)
class Case:
    line: int
    label: str
    jurisdiction: str
    product_class: str | None
    expected_gi: str | None
    expected_kind: str | None
    min_severity: str | None
    note: str = ""

    @property
    def positive(self) -> bool:
        return bool(self.expected_gi)

    @property
    def held_out(self) -> bool:
        """Every fourth case is kept out of tuning: report it separately to see over-fitting."""
        return self.line % 4 == 0


def load_cases(path: Path) -> list[Case]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cases = []
    for i, r in enumerate(rows, start=2):
        sev = r["expected_min_severity"].strip()
        cases.append(
            Case(
                line=i,
                label=r["label"],
                jurisdiction=r["jurisdiction"].strip(),
                product_class=r["product_class"].strip() or None,
                expected_gi=r["expected_gi"].strip() or None,
                expected_kind=r["expected_kind"].strip() or None,
                min_severity=None if sev in ("", "none") else sev,
                note=r.get("note", ""),
            )
        )
    return cases


@dataclass
class Outcome:
    case: Case
    hits: list[Hit]
    unprotected: bool = False  # the expected GI is neither protected nor pending there in the register

    @property
    def rank(self) -> int | None:
        for i, h in enumerate(self.hits[:3]):
            if h.gi.id == self.case.expected_gi:
                return i
        return None

    @property
    def expected_hit(self) -> Hit | None:
        r = self.rank
        return self.hits[r] if r is not None else None

    def found(self, at_least: str | None = None) -> bool:
        hit = self.expected_hit
        if hit is None:
            return False
        wanted = at_least or self.case.min_severity or "low"
        return SEVERITY_RANK[hit.severity] <= SEVERITY_RANK[wanted]

    @property
    def negative_high(self) -> bool:
        return not self.case.positive and any(h.severity == "high" for h in self.hits)


@dataclass
class Report:
    outcomes: list[Outcome]
    per_kind: dict[str, dict[str, float]] = field(default_factory=dict)

    def subset(self, held_out: bool | None) -> list[Outcome]:
        return [o for o in self.outcomes if held_out is None or o.case.held_out == held_out]

    def top3_medium_rate(self, held_out: bool | None = None) -> float:
        """Share of positives expected at medium or above whose GI is in the top 3 at medium or above."""
        pos = [
            o for o in self.subset(held_out) if o.case.positive and o.case.min_severity in ("high", "medium")
        ]
        return sum(o.found("medium") for o in pos) / len(pos) if pos else 1.0

    def expected_severity_rate(self, held_out: bool | None = None) -> float:
        """Share of all positives found in the top 3 at their expected minimum severity or above."""
        pos = [o for o in self.subset(held_out) if o.case.positive]
        return sum(o.found() for o in pos) / len(pos) if pos else 1.0

    def negatives_at_high(self, held_out: bool | None = None) -> list[Outcome]:
        return [o for o in self.subset(held_out) if o.negative_high]

    def unprotected(self, held_out: bool | None = None) -> list[Outcome]:
        """Positives whose GI the register holds as neither protected nor pending in the case's
        jurisdiction: no screening of that jurisdiction can find them (the label or the data is wrong)."""
        return [o for o in self.subset(held_out) if o.case.positive and o.unprotected]

    def failures(self, held_out: bool | None = False) -> list[Outcome]:
        return [o for o in self.subset(held_out) if (o.case.positive and not o.found()) or o.negative_high]


def evaluate(index: ConflictIndex, cases: list[Case]) -> Report:
    checkers: dict[str, Checker] = {}
    outcomes = []
    position = {gi.id: pos for pos, gi in enumerate(index.gis)}
    for case in cases:
        checker = checkers.setdefault(case.jurisdiction, Checker(index, case.jurisdiction))
        at = position.get(case.expected_gi or "")
        protected = at is not None and bool(relevant_protections(index.gis[at], case.jurisdiction))
        unprotected = case.positive and not protected
        outcomes.append(Outcome(case, checker.check(case.label, case.product_class), unprotected))
    report = Report(outcomes)
    # precision and recall per kind: recall over positives of that expected kind (GI in top 3 at the
    # expected severity); precision over hits of that kind at medium or above in the top 3 (right when
    # the hit is the row's expected GI)
    produced: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        for h in o.hits[:3]:
            if SEVERITY_RANK[h.severity] <= SEVERITY_RANK["medium"]:
                produced[h.kind].append(h.gi.id == o.case.expected_gi)
    for kind in KINDS:
        pos = [o for o in outcomes if o.case.expected_kind == kind]
        made = produced.get(kind, [])
        report.per_kind[kind] = {
            "positives": len(pos),
            "recall": sum(o.found() for o in pos) / len(pos) if pos else float("nan"),
            "kind_agrees": sum(1 for o in pos if o.expected_hit and o.expected_hit.kind == kind) / len(pos)
            if pos
            else float("nan"),
            "hits": len(made),
            "precision": sum(made) / len(made) if made else float("nan"),
        }
    return report
