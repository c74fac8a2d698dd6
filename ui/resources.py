"""Cached resources and small rendering helpers for the pages.

With app_pages/ and streamlit_app.py, the only code that imports streamlit. The helpers turn
service results into plain rows for tables; they decide nothing about the register.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from agreements.model import Alert, Deadline, Profile
from agreements.services import AgreementOverview
from briefings.services import AGREEMENT_SHORT
from compare.conflicts import SEVERITY_RANK, ConflictIndex, worst_severity
from compare.scope import ComparedDimension
from compare.services import Finding, LabelResult, ScanRow, build_index
from config import Settings
from gi_lists import export as gi_export
from gi_lists.importers import InputError
from gi_lists.model import GI, STATUSES, Protection
from gi_lists.services import BatchPlan, Filters, ImportResult, list_gis, register_version
from reports.briefing import Briefing
from reports.render import render
from storage.engine import StorageError, make_engine
from storage.migrate import ensure_current

DOUBTFUL = frozenset({"low", "unconfirmed"})
UNKNOWN = "unknown"


@st.cache_resource(show_spinner=False)
def _ready_engine(url: str) -> Engine:
    """One engine per database URL, cached only once the schema is current (errors are not cached)."""
    engine = make_engine(url)
    try:
        ensure_current(engine)
    except StorageError:
        engine.dispose()
        raise
    return engine


def engine() -> Engine:
    """The register's engine; stops the page with a message if the database is not ready."""
    url = Settings.from_env().database_url
    try:
        return _ready_engine(url)
    except StorageError as exc:
        st.error(f"The register is not ready: {exc}")
        st.info(
            "Run `giscope init` (or `make init`) to create the database and load the bundled lists; "
            "if the register lives elsewhere, check GISCOPE_DATABASE_URL."
        )
        st.stop()


def confidence(level: str | None) -> str:
    """Confidence as text; a low or unconfirmed fact is marked so nobody takes it as settled."""
    level = level or "unconfirmed"
    return f"⚠ {level}" if level in DOUBTFUL else level


def sourced(source: str | None, level: str | None) -> str:
    """'Source: … · confidence: …' as a markdown line."""
    return f"Source: {source or UNKNOWN} · confidence: **{confidence(level)}**"


def or_unknown(value: object) -> str:
    return UNKNOWN if value in (None, "") else str(value)


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


def protection_label(p: Protection) -> str:
    where = "/".join(part for part in (p.agreement, p.annex) if part) or p.route
    return f"{p.jurisdiction} {where}: {p.status}" + (" ⚠" if p.confidence in DOUBTFUL else "")


def protections_summary(gi: GI) -> str:
    return "; ".join(protection_label(p) for p in gi.protections) or "none recorded"


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


# ---------------------------------------------------------------------------------------------
# Conflict screening: the cached index, uploads, and result tables
# ---------------------------------------------------------------------------------------------

# Severity is shown by colour and a plain glyph, not by emoji: browsers without an emoji font
# (Debian's chromium, many locked-down desktops) draw emoji as empty boxes.
SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "gray"}
SEVERITY_CSS = {
    "high": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "medium": "color: #a04000; background-color: #fff4e5; font-weight: 600",
    "low": "color: #616161",
}
NO_MATCH = "no match"
MAX_PROBLEMS = 50
T = TypeVar("T")


class Upload(Protocol):
    name: str

    def getvalue(self) -> bytes: ...


# Keyed by the database URL. The register can change under a running app (imports), so a built
# index is dropped after ten minutes: a change reaches screening at most ten minutes late.
@st.cache_resource(show_spinner="Building the conflict index from the register…", max_entries=2)
def _conflict_index(url: str, version: str) -> ConflictIndex:
    with _ready_engine(url).connect() as conn:
        return build_index(conn)


def conflict_index() -> ConflictIndex:
    """The cross-script index of every name in the register, rebuilt when the register changes (any
    batch or status change); stops the page if the database is not ready."""
    from gi_lists.services import register_version

    eng = engine()  # shows the "run giscope init" message and stops when the database is not ready
    with eng.connect() as conn:
        version = register_version(conn)
    return _conflict_index(Settings.from_env().database_url, version)


def on_upload(upload: Upload, service: Callable[[Path], T]) -> T:
    """Run a file-reading service on an uploaded file; its problems name the upload, not a temp copy."""
    name = Path(upload.name).name or "upload"
    with tempfile.TemporaryDirectory(prefix="giscope-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(upload.getvalue())
        try:
            return service(path)
        except InputError as exc:
            raise InputError([p.replace(str(path), name) for p in exc.problems]) from None


def problems_markdown(problems: Sequence[str]) -> str:
    """An InputError's problems as a markdown list (the first MAX_PROBLEMS of them)."""
    lines = [f"- {plain(p)}" for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"- … and {len(problems) - MAX_PROBLEMS} more")
    return "\n".join(lines)


def plain(text: str) -> str:
    """User text shown in markdown as typed (no emphasis, links, maths or HTML)."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|$~" else ch for ch in text)


def severity(level: str | None) -> str:
    """Severity as table text: '● high', '● medium', '○ low' (coloured by `styled`)."""
    if level is None:
        return NO_MATCH
    return f"{'○' if level == 'low' else '●'} {level}"


def severity_badge(level: str | None) -> str:
    """Severity as a coloured markdown badge (for labels, summaries and reasons)."""
    if level is None:
        return f":green-badge[{NO_MATCH}]"
    return f":{SEVERITY_COLOURS.get(level, 'gray')}-badge[{level}]"


def styled(frame: pd.DataFrame) -> Any:
    """A table whose Severity column is coloured by level."""

    def css(value: object) -> str:
        return SEVERITY_CSS.get(str(value).split(" ")[-1], "")

    return frame.style.map(css, subset=["Severity"]) if "Severity" in frame else frame


def label_severity(result: LabelResult) -> str | None:
    return worst_severity(result.matches)


def screen_summary(results: Sequence[LabelResult]) -> str:
    """'**3 labels checked** · worst match per label: high 2 · medium 0 · low 1 · no match 0' (as badges)."""
    worst = [label_severity(r) for r in results]
    levels: list[str | None] = [*SEVERITY_RANK, None]
    counts = [f"{severity_badge(level)} {worst.count(level)}" for level in levels]
    noun = "label" if len(results) == 1 else "labels"
    return f"**{len(results)} {noun} checked** · worst match per label: " + " · ".join(counts)


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


# ---------------------------------------------------------------------------------------------
# Agreements and law: language switch, scope comparison, profiles, deadlines, alerts, briefings
# ---------------------------------------------------------------------------------------------

LANGUAGES = {"en": "English", "zh": "中文"}
CONFIDENCES = ("high", "medium", "low", "unconfirmed")
DIFFERS_CSS = "background-color: #fff4e5"
DEADLINE_CSS = {
    "overdue": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "due": "color: #8a5300; background-color: #fff4e5; font-weight: 600",
    "upcoming": "color: #616161",
    "met": "color: #1b5e20; background-color: #e8f5e9",
}
DEADLINE_STATES_ZH = {"overdue": "逾期", "due": "即将到期", "upcoming": "未到期", "met": "已完成"}


def language(key: str) -> str:
    """The page's language switch (English / 中文); returns 'en' or 'zh'."""
    choice = st.radio(
        "Language · 语言", list(LANGUAGES), format_func=LANGUAGES.__getitem__, key=key, horizontal=True
    )
    return "zh" if choice == "zh" else "en"


def tr(lang: str, en: str, zh: str) -> str:
    """The English or the Chinese text, by the page's language."""
    return zh if lang == "zh" else en


def marked(text: str, level: str | None) -> str:
    """Text followed by '⚠ low' / '⚠ unconfirmed' when its confidence is doubtful."""
    return f"{text} ⚠ {level or 'unconfirmed'}" if (level or "unconfirmed") in DOUBTFUL else text


def confidence_badge(level: str | None) -> str:
    """Confidence as a markdown badge: orange with ⚠ when low or unconfirmed."""
    level = level or "unconfirmed"
    return f":orange-badge[⚠ {level}]" if level in DOUBTFUL else f":gray-badge[{level}]"


def agreement_name(agreement_id: str, lang: str = "en") -> str:
    return AGREEMENT_SHORT["zh" if lang == "zh" else "en"].get(agreement_id, agreement_id)


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


def deadline_state(state: str, lang: str) -> str:
    return DEADLINE_STATES_ZH.get(state, state) if lang == "zh" else state


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
    """A deadlines table whose State column is coloured: overdue red, due amber, upcoming grey, met green."""
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


@st.cache_data(show_spinner="Rendering the PDF…", max_entries=32)
def pdf(briefing: Briefing) -> bytes:
    """A prepared briefing rendered as PDF bytes (cached: the briefing names its date and data version)."""
    return render(briefing)


# ---------------------------------------------------------------------------------------------
# Import and export: an upload kept between Check and Apply, a batch's plan, the export files
# ---------------------------------------------------------------------------------------------

EXPORT_MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass
class KeptUpload:
    """An uploaded file's name and bytes, kept in the session from Check to Apply (an `Upload`)."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


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


@st.cache_data(show_spinner="Preparing the export…", max_entries=16)
def _export_files(
    url: str, version: str, agreement: str | None, annex: str | None, jurisdiction: str | None
) -> tuple[int, dict[str, bytes]]:
    filters = Filters(jurisdiction=jurisdiction, agreement=agreement, annex=annex)
    with _ready_engine(url).connect() as conn:
        gis = list_gis(conn, filters)
    keep = filters.protection_matches if filters.filters_protections else (lambda p: True)
    rows = gi_export.rows_for(gis, keep)
    return len(gis), {
        "csv": gi_export.to_csv(rows),
        "xlsx": gi_export.to_xlsx(rows),
        "json": gi_export.to_json(gis),
    }


def export_files(filters: Filters) -> tuple[int, dict[str, bytes]]:
    """How many GIs the filters select, and the files `giscope export` writes for them (csv, xlsx, json);
    cached until the register changes."""
    with engine().connect() as conn:
        version = register_version(conn)
    url = Settings.from_env().database_url
    return _export_files(url, version, filters.agreement, filters.annex, filters.jurisdiction)


def show_plan(plan: BatchPlan, file: str) -> None:
    """What a checked batch would do: the counts, then the added, changed and withdrawn entries."""
    s = plan.summary()
    st.markdown(
        f"**Check of {plain(file)}** for {plan.target.key} · {s['rows']} rows · "
        "nothing is written until **2. Apply**"
    )
    counts = {"Added": "added", "Changed": "changed", "Withdrawn": "removed", "Unchanged": "unchanged"}
    for column, (label, key) in zip(st.columns(len(counts)), counts.items(), strict=True):
        column.metric(label, s[key])
    for title, frame in plan_tables(plan).items():
        st.markdown(f"**{title}** · {len(frame)}")
        if len(frame):
            st.dataframe(frame, hide_index=True)


def show_applied(result: ImportResult) -> None:
    """The outcome of an applied batch: its id and counts, and the objection window it opened."""
    s, target = result.plan.summary(), result.plan.target.key
    if result.batch_id is None:
        st.info(f"Nothing to change in {target}: the register already holds this batch.")
    else:
        st.success(
            f"Batch {result.batch_id} applied to {target}: {s['added']} added, {s['changed']} changed, "
            f"{s['removed']} withdrawn, {s['unchanged']} unchanged."
        )
    w = result.objection_window
    if w is not None:
        st.info(f"Objection window: until {w.due} ({w.basis}; source: {w.source})")


def export_buttons(filters: Filters) -> None:
    """Download buttons for the CSV, XLSX and JSON files, then how many GIs the filters select (written
    last, so a count on the screen means its files are there too)."""
    count, files = export_files(filters)
    parts = (filters.agreement, filters.annex, filters.jurisdiction)
    stem = "-".join(["giscope", *(p.lower() for p in parts if p)])
    for column, (fmt, data) in zip(st.columns(6), files.items(), strict=False):
        column.download_button(
            f"Download {fmt.upper()}",
            data,
            file_name=f"{stem}.{fmt}",
            mime=EXPORT_MIME[fmt],
            on_click="ignore",
            key=f"export_{fmt}",
        )
    st.markdown(f"**{count} GI{'s' if count != 1 else ''}** · the same files as `giscope export`")


def deliver_alerts(settings: Settings) -> None:
    """Send new alerts to the outbox file and the webhook, when they are set; warn when some fail."""
    from agreements.outbox import deliver

    if not (settings.alert_outbox or settings.alert_webhook):
        return
    report = deliver(engine(), outbox=settings.alert_outbox, webhook=settings.alert_webhook)
    if report.failed:
        st.warning(f"{report.failed} alert(s) not delivered: {report.error} (kept for later)")
