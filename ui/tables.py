"""How values look on screen: cell text (confidence, severity, unknowns) and the tables the pages show.
Pure presentation: service results in, strings and DataFrames out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from agreements.model import Profile
from compare.scope import ComparedDimension
from compare.services import Finding, LabelResult, ScanRow
from ui.cells import UNKNOWN, confidence, severity, tr
from watch.model import Alert, Deadline
from wording import agreement_name, deadline_state, marked

SEVERITY_CSS = {
    "high": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "medium": "color: #a04000; background-color: #fff4e5; font-weight: 600",
    "low": "color: #616161",
}
DIFFERS_CSS = "background-color: #fff4e5"
DEADLINE_CSS = {
    "overdue": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "due": "color: #8a5300; background-color: #fff4e5; font-weight: 600",
    "upcoming": "color: #616161",
    "met": "color: #1b5e20; background-color: #e8f5e9",
    "passed-reported": "color: #0d47a1; background-color: #e3f2fd",
    "passed-unknown": "color: #424242; background-color: #f5f5f5",
}


def styled(frame: pd.DataFrame) -> Any:
    """A table whose Severity column is coloured by level."""

    def css(value: object) -> str:
        return SEVERITY_CSS.get(str(value).split(" ")[-1], "")

    return frame.style.map(css, subset=["Severity"]) if "Severity" in frame else frame


def matches_table(result: LabelResult) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Severity": severity(h.severity),
                "Kind": h.kind,
                "Score": f"{h.score:.2f}",
                "GI id": h.gi.id,
                "Protected form": h.matched_form,
                "Label form": h.label_form,
                "Confidence": confidence(h.confidence),
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


def scan_table(rows: Sequence[ScanRow]) -> pd.DataFrame:
    """One line per finding, and one for each row with none, in the list's order."""
    out = []
    for r in rows:
        first = {"Line": r.line, "Name": r.name, "Origin": r.origin, "Product class": r.product_class}
        findings: list[Finding | None] = [*r.findings] or [None]
        for f in findings:
            out.append(
                {
                    **first,
                    "Finding": f.type if f else "none",
                    "Severity": severity(f.severity) if f else "",
                    "Detail": f.detail if f else "no objection ground found",
                }
            )
    return pd.DataFrame(out)


def scope_table(dimensions: Sequence[ComparedDimension], columns: Sequence[str], lang: str) -> pd.DataFrame:
    """Dimension × agreement: each cell the value and its article; doubtful values marked ⚠."""
    differs = tr(lang, "Differs", "有差异")
    rows = []
    for d in dimensions:
        row = {tr(lang, "Dimension", "维度"): d.dimension.label(lang), differs: "● yes" if d.differs else "—"}
        for a in columns:
            v = d.values[a]
            article = v.article if v.article not in ("", UNKNOWN) else tr(lang, "article unknown", "条款不详")
            row[agreement_name(a, lang)] = marked(f"{v.value(lang)} [{article}]", v.confidence)
        rows.append(row)
    return pd.DataFrame(rows).set_index(tr(lang, "Dimension", "维度")) if rows else pd.DataFrame()


def highlight_differences(frame: pd.DataFrame) -> Any:
    """Rows whose second column (Differs) says yes are shaded."""
    if frame.empty:
        return frame
    column = frame.columns[0]
    return frame.style.apply(
        lambda row: [DIFFERS_CSS if str(row[column]).startswith("●") else ""] * len(row), axis=1
    )


def profile_cases_table(profile: Profile, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr(lang, "Case", "案例"): c.name,
                tr(lang, "Court", "法院"): c.court or "",
                tr(lang, "Date", "日期"): c.date or "",
                tr(lang, "Point decided", "要点"): c.point(lang),
                tr(lang, "Source", "来源"): c.source or UNKNOWN,
                tr(lang, "Confidence", "可信度"): confidence(c.confidence),
            }
            for c in profile.cases
        ]
    )


def profile_history_table(rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """ProfileRepository.history rows, newest first."""
    return pd.DataFrame(
        [
            {
                "At": h["at"],
                "Who": h["who"],
                "Field": h["key"],
                "What": h["what"],
                "Before": h["before"] or "",
                "After": h["after"] or "",
                "Reason": h["reason"],
            }
            for h in reversed(rows)
        ]
    )


def deadlines_table(items: Sequence[Deadline], today: str, lang: str) -> pd.DataFrame:
    rows = []
    for d in items:
        outcome = (d.outcome_zh if lang == "zh" and d.outcome_zh else d.outcome_en) or ""
        if outcome and d.outcome_status:
            outcome = f"[{d.outcome_status}] {outcome}"
        if outcome and d.outcome_source:
            outcome += f" ({tr(lang, 'source', '来源')}: {d.outcome_source})"
        rows.append(
            {
                tr(lang, "Due", "期限"): d.due,
                tr(lang, "State", "状态"): deadline_state(d.state(today), lang),
                tr(lang, "Deadline", "事项"): d.title(lang),
                tr(lang, "Basis", "依据"): d.basis or UNKNOWN,
                tr(lang, "Outcome", "结果"): outcome or "—",
                tr(lang, "Source", "来源"): d.source or UNKNOWN,
                tr(lang, "Confidence", "可信度"): confidence(d.confidence),
            }
        )
    return pd.DataFrame(rows)


def styled_states(frame: pd.DataFrame, states: Sequence[str]) -> Any:
    """A deadlines table whose State column is coloured: overdue red, due amber, upcoming grey, met green,
    passed with an outcome reported blue, passed with the outcome unknown shaded grey."""
    if frame.empty:
        return frame
    column = frame.columns[1]
    css = [DEADLINE_CSS.get(s, "") for s in states]
    return frame.style.apply(lambda col: css, subset=[column], axis=0)


def alerts_table(alerts: Sequence[Alert]) -> pd.DataFrame:
    """The alert feed, newest first."""
    return pd.DataFrame(
        [
            {
                "At": a.at,
                "Kind": a.kind,
                "Alert": a.title,
                "Detail": a.detail or "",
                "Source": a.source or "",
                "Delivered": a.delivered_at or ("failed: " + a.delivery_error if a.delivery_error else "—"),
            }
            for a in sorted(alerts, key=lambda a: (a.at, a.id), reverse=True)
        ]
    )
