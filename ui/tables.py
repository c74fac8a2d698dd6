"""How values look on screen: cell text (confidence, severity, unknowns) and the tables the pages show.
Pure presentation: service results in, strings and DataFrames out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from compare.services import Finding, LabelResult, ScanRow
from gi_lists.coverage import Coverage
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
    "jurisdiction",
    "severity",
    "kind",
    "score",
    "gi_id",
    "matched_form",
    "reason",
    "legal_basis",
    "confidence",
    "screened_against",
    "not_screened",
)


def results_rows(results: Sequence[LabelResult], covered: Coverage, lang: str = "en") -> list[dict[str, Any]]:
    """One row per match and one for each label with none (severity 'none'), each with what the label
    was screened against (lists and dates) and what was not screened."""
    scope = {
        "screened_against": covered.names_text(lang),
        "not_screened": covered.register().warning(lang) or "",
    }
    rows: list[dict[str, Any]] = []
    for r in results:
        if not r.matches:
            rows.append({"label": r.label, "jurisdiction": r.jurisdiction, "severity": "none", **scope})
        for h in r.matches:
            rows.append(
                {
                    "label": r.label,
                    "jurisdiction": r.jurisdiction,
                    "severity": h.severity,
                    "kind": h.kind,
                    "score": round(h.score, 3),
                    "gi_id": h.gi.id,
                    "matched_form": h.matched_form,
                    "reason": h.reason,
                    "legal_basis": h.legal_basis,
                    "confidence": h.confidence,
                    **scope,
                }
            )
    return rows


def results_csv(results: Sequence[LabelResult], covered: Coverage, lang: str = "en") -> bytes:
    """Every label (results_rows), UTF-8 with a byte-order mark so spreadsheet programs read the Chinese;
    no cell runs as a formula."""
    from gi_lists.export import to_csv

    return to_csv(results_rows(results, covered, lang), CSV_COLUMNS)


def results_xlsx(results: Sequence[LabelResult], covered: Coverage, lang: str = "en") -> bytes:
    from gi_lists.export import to_xlsx

    return to_xlsx(results_rows(results, covered, lang), CSV_COLUMNS)


def results_json(results: Sequence[LabelResult], covered: Coverage) -> str:
    """As `giscope check --json`: each label with its matches and the coverage (lists, dates, register)."""
    from gi_lists.export import dumps

    return dumps([{**r.to_dict(), "coverage": covered.to_dict()} for r in results])


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
