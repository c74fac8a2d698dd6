"""How values look on screen: cell text (confidence, severity, unknowns) and the tables the pages show.
Pure presentation: service results in, strings and DataFrames out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from agreements.services import AgreementOverview
from compare.services import Finding, LabelResult, ScanRow
from gi_lists.batches import BatchPlan
from gi_lists.model import GI, STATUSES
from ui.cells import UNKNOWN, confidence, doubt, severity
from wording import (
    DOUBTFUL,
    finding_word,
    hit_kind_word,
    origin_text,
    product_class_word,
    protection_label,
    say,
)

SEVERITY_CSS = {
    "high": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "medium": "color: #a04000; background-color: #fff4e5; font-weight: 600",
    "low": "color: #616161",
}


def status_columns(statuses: list[str]) -> list[str]:
    """Statuses in the register's order, unknown ones last."""
    known = [s for s in STATUSES if s in statuses]
    return known + sorted(set(statuses) - set(known))


def list_table(ov: AgreementOverview) -> pd.DataFrame:
    """One row per list of an agreement: annex, meaning, how many GIs, expected, counts by status."""
    statuses = status_columns([s for lc in ov.lists for s in lc.by_status])
    rows = []
    for lc in ov.lists:
        annex = ov.agreement.annex(lc.annex) if lc.annex else None
        row: dict[str, object] = {
            "Annex": lc.annex or "—",
            "Meaning": annex.meaning_en if annex else "GIs tracked under this arrangement (no annexes)",
            "GIs on the list": lc.total,
            "Expected": "—" if lc.expected is None else str(lc.expected),
        }
        row.update({status: lc.by_status.get(status, 0) for status in statuses})
        rows.append(row)
    return pd.DataFrame(rows).set_index("Annex")


def events_table(ov: AgreementOverview) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Date": e.date,
                "Event": e.event,
                "Source": e.source or UNKNOWN,
                "Confidence": confidence(e.confidence),
            }
            for e in ov.agreement.events
        ]
    )


def protections_summary(gi: GI) -> str:
    return (
        "; ".join(protection_label(p) + (" ⚠" if p.confidence in DOUBTFUL else "") for p in gi.protections)
        or "none recorded"
    )


def names_table(gi: GI) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"Name": n.text, "Kind": n.kind, "Language": n.lang or "", "Script": n.script or ""}
            for n in gi.names
        ]
    )


def protections_table(gi: GI) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Jurisdiction": p.jurisdiction,
                "Route": p.route,
                "Agreement": p.agreement or "",
                "Annex": p.annex or "",
                "File": p.reference or "",
                "Status": p.status,
                "Since": p.since or "",
                "Until": p.until or "",
                "Source": p.source or UNKNOWN,
                "Confidence": confidence(p.confidence),
                "Note": p.note or "",
            }
            for p in gi.protections
        ]
    )


def history_table(gi: GI) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "At": h.at,
                "Who": h.who,
                "What": h.what,
                "Before": h.before or "",
                "After": h.after or "",
                "Reason": h.reason,
                "Source": h.source or "",
            }
            for h in gi.history
        ]
    )


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


def plan_tables(plan: BatchPlan) -> dict[str, pd.DataFrame]:
    """A batch's plan as three tables: + added, ~ changed (before → after), − withdrawn."""
    added = [
        {"GI id": gi_id, "Name": label, "List": p.key_text, "Status": p.status}
        for gi_id, label, p in plan.added
    ]
    changed = [
        {
            "GI id": c.gi_id,
            "Name": c.label,
            "What": c.what,
            "Before": c.before or "—",
            "After": c.after or "—",
        }
        for c in plan.changed
    ]
    removed = [
        {"GI id": gi_id, "Name": label, "List": p.key_text, "Status": f"{p.status} → withdrawn"}
        for gi_id, label, p in plan.removed
    ]
    return {
        "+ Added": pd.DataFrame(added, columns=["GI id", "Name", "List", "Status"]),
        "~ Changed": pd.DataFrame(changed, columns=["GI id", "Name", "What", "Before", "After"]),
        "− Removed (withdrawn: on the list, not in the file)": pd.DataFrame(
            removed, columns=["GI id", "Name", "List", "Status"]
        ),
    }
