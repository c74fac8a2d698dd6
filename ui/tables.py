"""How values look on screen: cell text (confidence, severity, unknowns) and the tables the pages show.
Pure presentation: service results in, strings and DataFrames out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from compare.services import Finding, LabelResult, ScanRow
from ui.cells import doubt, severity
from wording import (
    finding_word,
    hit_kind_word,
    origin_text,
    product_class_word,
    say,
)

SEVERITY_CSS = {
    "high": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "medium": "color: #a04000; background-color: #fff4e5; font-weight: 600",
    "low": "color: #616161",
}


def styled(frame: pd.DataFrame, lang: str = "en") -> Any:
    """A table whose Severity column (in the page's language) is coloured by level."""
    column = say("screen.col_severity", lang)
    colours = {severity(level, lang): css for level, css in SEVERITY_CSS.items()}

    def css(value: object) -> str:
        return colours.get(str(value), "")

    return frame.style.map(css, subset=[column]) if column in frame else frame


def matches_table(result: LabelResult, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                say("screen.col_severity", lang): severity(h.severity, lang),
                say("screen.col_kind", lang): hit_kind_word(h.kind, lang),
                say("screen.col_score", lang): f"{h.score:.2f}",
                say("screen.col_gi", lang): h.gi.id,
                say("screen.col_protected_form", lang): h.matched_form,
                say("screen.col_label_form", lang): h.label_form,
                say("screen.col_confidence", lang): doubt(h.confidence, lang),
            }
            for h in result.matches
        ]
    )


CSV_COLUMNS = (
    "label",
    "severity",
    "kind",
    "score",
    "gi_id",
    "matched_form",
    "reason",
    "legal_basis",
    "confidence",
)


def results_csv(results: Sequence[LabelResult]) -> bytes:
    """One row per match, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese."""
    rows = [
        {
            "label": r.label,
            "severity": h.severity,
            "kind": h.kind,
            "score": round(h.score, 3),
            "gi_id": h.gi.id,
            "matched_form": h.matched_form,
            "reason": h.reason,
            "legal_basis": h.legal_basis,
            "confidence": h.confidence,
        }
        for r in results
        for h in r.matches
    ]
    from gi_lists.export import neutralise

    safe = [{k: neutralise(v) for k, v in row.items()} for row in rows]  # no cell runs as a formula
    frame = pd.DataFrame(safe, columns=list(CSV_COLUMNS))
    return frame.to_csv(index=False).encode("utf-8-sig")


def objection_rows(rows: Sequence[ScanRow]) -> int:
    """Rows with a finding other than 'already protected' (as `giscope scan` counts them)."""
    return sum(1 for r in rows if r.objectionable)


def scan_table(rows: Sequence[ScanRow], lang: str = "en") -> pd.DataFrame:
    """One line per finding, and one for each row with none, in the list's order."""
    out = []
    for r in rows:
        first = {
            say("scan.col_line", lang): r.line,
            say("scan.col_name", lang): r.name,
            say("scan.col_origin", lang): origin_text(r.origin, None, lang),
            say("scan.col_class", lang): product_class_word(r.product_class, lang),
        }
        findings: list[Finding | None] = [*r.findings] or [None]
        for f in findings:
            out.append(
                {
                    **first,
                    say("scan.col_finding", lang): finding_word(f.type, lang)
                    if f
                    else say("scan.none", lang),
                    say("screen.col_severity", lang): severity(f.severity, lang) if f else "",
                    say("scan.col_detail", lang): f.detail if f else say("scan.no_ground", lang),
                }
            )
    return pd.DataFrame(out)
