"""The trademark watch page's tables and files: findings filtered by severity and days left, as a table
in English or Chinese, and as CSV or XLSX for download (pure: no streamlit, no database)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pandas as pd

from gi_lists.export import neutralise
from ui.cells import severity, tr
from ui.tables import SEVERITY_CSS
from watch.trademarks.model import FindingChange, TrademarkFinding

# The download's columns: the fields of `giscope watch list --json`, in that order.
FILE_COLUMNS = (
    "id",
    "gazette",
    "jurisdiction",
    "published",
    "application_no",
    "mark",
    "classes",
    "goods",
    "applicant",
    "filing_date",
    "gi_id",
    "name",
    "kind",
    "severity",
    "reason",
    "legal_basis",
    "legal_source",
    "opposition_deadline",
    "days_left",
    "state",
    "note",
)
STATE_ZH = {
    "new": "新发现",
    "reviewed": "已审查",
    "opposed": "已异议",
    "dismissed": "不予处理",
    "won": "异议成功",
    "lost": "异议失败",
}
SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}


def state_label(state: str, lang: str) -> str:
    return f"{STATE_ZH.get(state, state)} ({state})" if lang == "zh" else state


def severity_label(level: str, lang: str) -> str:
    return f"{SEVERITY_ZH.get(level, level)} ({level})" if lang == "zh" else level


def filter_findings(
    findings: Sequence[TrademarkFinding],
    today: str,
    *,
    severity: str | None = None,
    within: int | None = None,
) -> list[TrademarkFinding]:
    """Findings of one severity and/or whose opposition deadline is at most `within` days away (overdue
    ones included; findings with no known deadline are left out once `within` is set)."""
    kept = []
    for f in findings:
        if severity is not None and f.severity != severity:
            continue
        left = f.days_left(today)
        if within is not None and (left is None or left > within):
            continue
        kept.append(f)
    return kept


def days_text(left: int | None, lang: str) -> str:
    if left is None:
        return "—"
    if left >= 0:
        return tr(lang, f"{left} d", f"{left} 天")
    return tr(lang, f"{-left} d overdue", f"逾期 {-left} 天")


def findings_table(findings: Sequence[TrademarkFinding], today: str, lang: str) -> pd.DataFrame:
    rows = [
        {
            "ID": f.id,
            tr(lang, "Mark", "商标"): f.mark,
            "GI": f"{f.name} [{f.gi_id}]",
            "Severity": severity(f.severity),
            tr(lang, "Opposition deadline", "异议截止日"): f.opposition_deadline or "—",
            tr(lang, "Days left", "剩余天数"): days_text(f.days_left(today), lang),
            tr(lang, "State", "状态"): state_label(f.state, lang),
            tr(lang, "Classes", "类别"): "; ".join(map(str, f.classes)),
            tr(lang, "Kind", "类型"): f.kind,
            tr(lang, "Application", "申请号"): f.application_no,
            tr(lang, "Applicant", "申请人"): f.applicant,
            tr(lang, "Note", "备注"): f.note or "",
            tr(lang, "Gazette", "公告期号"): f"{f.gazette} ({f.jurisdiction}, {f.published})",
        }
        for f in findings
    ]
    frame = pd.DataFrame(rows)
    if lang == "zh" and not frame.empty:
        frame = frame.rename(columns={"Severity": "严重程度"})
    return frame


def styled_findings(frame: pd.DataFrame) -> Any:
    """The findings table with its severity column coloured by level."""
    column = "Severity" if "Severity" in frame else "严重程度"
    if frame.empty or column not in frame:
        return frame
    return frame.style.map(lambda v: SEVERITY_CSS.get(str(v).split(" ")[-1], ""), subset=[column])


def _rows(findings: Sequence[TrademarkFinding], today: str) -> list[list[Any]]:
    rows = []
    for f in findings:
        data = f.to_dict(today)
        data["classes"] = "; ".join(map(str, f.classes))
        rows.append([neutralise("" if data[k] is None else data[k]) for k in FILE_COLUMNS])
    return rows


def findings_csv(findings: Sequence[TrademarkFinding], today: str) -> bytes:
    """The findings as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese marks)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FILE_COLUMNS)
    writer.writerows(_rows(findings, today))
    return buf.getvalue().encode("utf-8-sig")


def findings_xlsx(findings: Sequence[TrademarkFinding], today: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Findings"
    ws.append(list(FILE_COLUMNS))
    for row in _rows(findings, today):
        ws.append(row)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def history_table(changes: Sequence[FindingChange], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr(lang, "When", "时间"): c.at,
                tr(lang, "Who", "操作人"): c.who,
                tr(lang, "From", "原状态"): state_label(c.before, lang) if c.before else "—",
                tr(lang, "To", "新状态"): state_label(c.after, lang),
                tr(lang, "Note", "备注"): c.note,
            }
            for c in changes
        ]
    )
