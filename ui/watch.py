"""The trademark watch page's tables and files: findings filtered by severity and days left, as a table
in English or Chinese, and as CSV or XLSX for download (pure: no streamlit, no database)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from escaping import escaped
from gi_lists.export import neutralise
from phrases import has
from ui.cells import when
from ui.tables import SEVERITY_CSS
from watch.trademarks.model import FindingChange, TrademarkFinding
from wording import hit_kind_word, say, severity_word

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


def state_label(state: str, lang: str) -> str:
    """A finding's state in the page's language: 'reviewed' / '已审查'."""
    key = f"watch.states.{state}"
    return say(key, lang) if has(key) else state


def severity_label(level: str, lang: str) -> str:
    return severity_word(level, lang)


def severity_cell(level: str | None, lang: str) -> str:
    """Severity as table text: '● high' / '● 高', '○ low' / '○ 低' (coloured by `styled_findings`)."""
    if level is None:
        return "—"
    return f"{'○' if level == 'low' else '●'} {severity_word(level, lang)}"


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
        return say("watch.days", lang, days=left)
    return say("watch.days_overdue", lang, days=-left)


def gazette_text(f: TrademarkFinding, lang: str) -> str:
    where = {"gazette": f.gazette, "jurisdiction": f.jurisdiction, "published": f.published}
    return say("watch.gazette_cell", lang, **where)


def findings_table(findings: Sequence[TrademarkFinding], today: str, lang: str) -> pd.DataFrame:
    rows = [
        {
            say("watch.col.id", lang): f.id,
            say("watch.col.mark", lang): f.mark,
            say("watch.col.gi", lang): f"{f.name} [{f.gi_id}]",
            say("watch.col.severity", lang): severity_cell(f.severity, lang),
            say("watch.col.deadline", lang): f.opposition_deadline or "—",
            say("watch.col.days_left", lang): days_text(f.days_left(today), lang),
            say("watch.col.state", lang): state_label(f.state, lang),
            say("watch.col.classes", lang): "; ".join(map(str, f.classes)),
            say("watch.col.kind", lang): hit_kind_word(f.kind, lang),
            say("watch.col.application", lang): f.application_no,
            say("watch.col.applicant", lang): f.applicant,
            say("watch.col.note", lang): note_text(f.note or "", lang),
            say("watch.col.gazette", lang): gazette_text(f, lang),
        }
        for f in findings
    ]
    return pd.DataFrame(rows)


def styled_findings(frame: pd.DataFrame, lang: str = "en") -> Any:
    """The findings table with its severity column coloured by level."""
    column = say("watch.col.severity", lang)
    if frame.empty or column not in frame:
        return frame
    css = {f"{severity_word(level, lang)}": style for level, style in SEVERITY_CSS.items()}
    return frame.style.map(lambda v: css.get(str(v).split(" ")[-1], ""), subset=[column])


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

    from validation import xlsx_cell

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Findings"
    ws.append(list(FILE_COLUMNS))
    for row in _rows(findings, today):
        ws.append([xlsx_cell(v) for v in row])
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FOUND_NOTE = re.compile(r"^found in gazette (.+) \((\w+), published ([^)]*)\): (\w+)$")


def note_text(note: str, lang: str) -> str:
    """A finding's note; the one the scan writes ('found in gazette … : high') in the page's language."""
    m = FOUND_NOTE.match(note or "")
    if m is None or lang != "zh":
        return note
    gazette, jurisdiction, published, level = m.groups()
    where = {"gazette": gazette, "jurisdiction": jurisdiction, "published": published}
    return say("watch.found_note", lang, **where, severity=severity_word(level, lang))


def history_table(changes: Sequence[FindingChange], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                say("watch.col.when", lang): when(c.at, lang),
                say("watch.col.who", lang): escaped(c.who),
                say("watch.col.from", lang): state_label(c.before, lang) if c.before else "—",
                say("watch.col.to", lang): state_label(c.after, lang),
                say("watch.col.note", lang): escaped(note_text(c.note, lang)),
            }
            for c in changes
        ]
    )
