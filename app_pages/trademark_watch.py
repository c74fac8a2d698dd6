"""Trademark watch: scan a gazette for marks using protected GIs, track each finding to its opposition
deadline, and record what was done with it.

Not watch.py: a page script beside the `watch` package would shadow it (AppTest puts this folder first).
"""

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from briefings.opposition import opposition_brief
from config import Settings
from errors import GIScopeError, InputError
from gi_lists.model import JURISDICTIONS
from storage.clock import now_iso, today_iso
from ui.cells import problems_markdown, tr
from ui.resources import conflict_index, database, deliver_alerts, pdf
from ui.watch import (
    filter_findings,
    findings_csv,
    findings_table,
    findings_xlsx,
    history_table,
    severity_label,
    state_label,
    styled_findings,
)
from ui.widgets import EXPORT_MIME, language, on_upload
from watch.trademarks.gazette import KNOWN_COLUMNS, REQUIRED_COLUMNS
from watch.trademarks.model import FINDING_STATES, SEVERITIES
from watch.trademarks.services import finding_history, list_findings, scan_gazette, set_finding_state

heading = st.empty()
lang = language("watch_lang")
heading.title(tr(lang, "Trademark watch", "商标监测"))
st.caption(
    tr(
        lang,
        "Screens every mark of a trademark gazette against the GIs protected or pending where it is "
        "published. Findings are kept with their opposition deadline (also listed under Deadlines and "
        "alerts); a re-scan of the same gazette adds nothing twice and keeps the states already set.",
        "将商标公告中的每一件商标与公告地受保护或待保护的地理标志进行比对。发现结果连同异议截止日一并保存"
        "（亦列于“期限与提醒”）；同一期公告重复扫描不会重复添加，已设定的状态保持不变。",
    )
)


def choice(where: Any, label: str, options: list[str], name: str, fmt: Callable[[str], str]) -> str:
    """A selectbox whose labels follow the language: keyed per language (the browser keeps a keyed
    selectbox's old labels), starting from what was chosen in the other language."""
    other = st.session_state.get(f"{name}_{'zh' if lang == 'en' else 'en'}")
    index = options.index(other) if other in options else 0
    picked = where.selectbox(label, options, index=index, key=f"{name}_{lang}", format_func=fmt)
    return str(picked) if picked is not None else options[0]


db = database()
today = today_iso()

# --- Scan a gazette -----------------------------------------------------------------------------
with st.form("watch_scan"):
    upload = st.file_uploader(
        tr(lang, "Trademark gazette (CSV in UTF-8, or XLSX)", "商标公告（UTF-8 编码的 CSV 或 XLSX）"),
        type=["csv", "xlsx"],
        key="watch_file",
        help=tr(lang, "Required columns: ", "必需列：")
        + ", ".join(REQUIRED_COLUMNS)
        + tr(lang, ". Allowed: ", "。可选：")
        + ", ".join(KNOWN_COLUMNS),
    )
    left, middle, right = st.columns(3)
    jurisdiction = left.selectbox(tr(lang, "Published in", "公告地"), JURISDICTIONS, key="watch_jurisdiction")
    published = middle.date_input(
        tr(lang, "Publication date", "公告日期"),
        value=None,
        key="watch_published",
        help=tr(
            lang,
            "Leave empty when the gazette has a publication_date column.",
            "如公告文件含 publication_date 列，可留空。",
        ),
    )
    gazette_id = right.text_input(
        tr(lang, "Gazette issue (default: the file name)", "公告期号（默认：文件名）"), key="watch_gazette"
    )
    scan = st.form_submit_button(tr(lang, "Scan gazette", "扫描公告"), type="primary")

if scan and upload is None:
    st.warning(tr(lang, "Choose a gazette file first.", "请先选择公告文件。"))
elif scan and upload is not None:
    bar = st.progress(0.0, text=tr(lang, "Screening marks…", "正在比对商标…"))

    def advance(done: int, total: int) -> None:
        bar.progress(
            done / total, text=tr(lang, f"{done} of {total} marks screened", f"已比对 {done}/{total} 件商标")
        )

    service = partial(
        scan_gazette,
        db,
        jurisdiction=jurisdiction,
        published=published.isoformat() if isinstance(published, dt.date) else None,
        gazette=gazette_id.strip() or None,
        who=Settings.from_env().user,
        at=now_iso(),
        today=today,
        index=conflict_index(),
        lang=lang,
        progress=advance,
    )
    try:
        result = on_upload(upload, service)
    except InputError as exc:
        bar.empty()
        st.error(
            tr(lang, f"{upload.name} cannot be used:", f"{upload.name} 无法使用：")
            + "\n"
            + problems_markdown(
                [
                    p.replace("--published date", tr(lang, "Publication date", "公告日期"))
                    for p in exc.problems
                ]
            )
        )
    except GIScopeError as exc:
        bar.empty()
        st.error(str(exc))
    else:
        bar.empty()
        deliver_alerts(Settings.from_env())
        st.success(
            tr(
                lang,
                f"Gazette {result.gazette} ({result.jurisdiction}): {result.marks} marks screened, "
                f"{len(result.findings)} findings at medium or above, {result.added} new.",
                f"公告 {result.gazette}（{result.jurisdiction}）：已比对 {result.marks} 件商标，"
                f"发现 {len(result.findings)} 件中等及以上风险，其中新增 {result.added} 件。",
            )
        )

# --- Findings -----------------------------------------------------------------------------------
st.subheader(tr(lang, "Findings", "发现结果"))
every = list_findings(db)
if not every:
    st.info(tr(lang, "No finding yet: scan a gazette above.", "尚无发现结果：请先在上方扫描公告。"))
    st.stop()

a, b, c, d = st.columns(4)
ALL = "*"
state = choice(
    a,
    tr(lang, "State", "状态"),
    [ALL, *FINDING_STATES],
    "watch_state",
    lambda s: tr(lang, "all", "全部") if s == ALL else state_label(s, lang),
)
level = choice(
    b,
    tr(lang, "Severity", "严重程度"),
    [ALL, *SEVERITIES],
    "watch_severity",
    lambda s: tr(lang, "all", "全部") if s == ALL else severity_label(s, lang),
)
gis = {f.gi_id: f.name for f in every}
gi = choice(
    c,
    "GI",
    [ALL, *sorted(gis)],
    "watch_gi",
    lambda g: tr(lang, "all", "全部") if g == ALL else f"{gis[g]} [{g}]",
)
within = d.number_input(
    tr(lang, "Days left at most (0 = all)", "剩余天数不超过（0 = 全部）"),
    min_value=0,
    value=0,
    step=7,
    key="watch_within",
    help=tr(lang, "Overdue findings are included.", "包括已逾期的发现。"),
)
shown = filter_findings(
    list_findings(db, state=None if state == ALL else state, gi_id=None if gi == ALL else gi),
    today,
    severity=None if level == ALL else level,
    within=int(within) or None,
)

st.markdown(
    tr(
        lang,
        f"**{len(shown)}** of {len(every)} findings",
        f"共 {len(every)} 件发现，显示 **{len(shown)}** 件",
    )
)
if shown:
    st.dataframe(styled_findings(findings_table(shown, today, lang)), hide_index=True)
else:
    st.info(tr(lang, "No finding matches these filters.", "没有符合筛选条件的发现。"))

by_id_all = {f.id: f for f in shown}
dl_csv, dl_xlsx, dl_brief = st.columns(3)
for column, fmt, data in (
    (dl_csv, "csv", findings_csv(shown, today)),
    (dl_xlsx, "xlsx", findings_xlsx(shown, today)),
):
    column.download_button(
        tr(lang, f"Download {fmt.upper()}", f"下载 {fmt.upper()}"),
        data,
        file_name=f"giscope-watch-{today}.{fmt}",
        mime=EXPORT_MIME[fmt],
        on_click="ignore",
        key=f"watch_download_{fmt}",
        disabled=not shown,
    )
with dl_brief.form("watch_brief", border=False):  # the brief is rendered only when asked for
    brief_id = st.selectbox(
        tr(lang, "Opposition brief for finding", "异议简报：发现"),
        [f.id for f in shown],
        key="watch_brief_finding",
        label_visibility="collapsed",
        format_func=lambda i: f"{i} · {by_id_all[i].mark}",
    )
    prepare = st.form_submit_button(
        tr(lang, "Prepare opposition brief (PDF)", "生成异议简报（PDF）"), disabled=not shown
    )
if prepare and brief_id is not None:
    try:
        brief_pdf = pdf(opposition_brief(db, int(brief_id), lang=lang, today=today))
    except GIScopeError as exc:
        dl_brief.error(str(exc))
    else:
        dl_brief.download_button(
            tr(lang, f"Download opposition brief {brief_id}", f"下载发现 {brief_id} 的异议简报"),
            brief_pdf,
            file_name=f"giscope-opposition-{brief_id}-{lang}.pdf",
            mime="application/pdf",
            on_click="ignore",
            key="watch_brief_pdf",
        )

# --- Record what was done -----------------------------------------------------------------------
st.subheader(tr(lang, "Record what was done", "记录处理情况"))
by_id = {f.id: f for f in every}
with st.form("watch_set"):
    left, right = st.columns(2)
    chosen = left.selectbox(
        tr(lang, "Finding", "发现"),
        list(by_id),
        key="watch_finding",
        format_func=lambda i: f"{i} · {by_id[i].mark} · {by_id[i].name} [{by_id[i].gi_id}]",
    )
    new_state = choice(
        right,
        tr(lang, "New state", "新状态"),
        list(FINDING_STATES),
        "watch_new_state",
        partial(state_label, lang=lang),
    )
    note = st.text_input(tr(lang, "Note (why)", "备注（原因）"), key="watch_note")
    record = st.form_submit_button(tr(lang, "Record", "记录"))

if record and chosen is not None:
    try:
        finding, history = set_finding_state(
            db,
            int(chosen),
            state=new_state,
            note=note,
            who=Settings.from_env().user,
            at=now_iso(),
            today=today,
        )
    except GIScopeError as exc:
        st.error(str(exc))
    else:
        deliver_alerts(Settings.from_env())
        st.session_state["watch_recorded"] = (finding.id, finding.state)
        st.rerun()  # the table above shows the new state

if "watch_recorded" in st.session_state:
    done_id, done_state = st.session_state.pop("watch_recorded")
    st.success(
        tr(lang, f"Finding {done_id}: {done_state}", f"发现 {done_id}：{state_label(done_state, lang)}")
    )
if chosen is not None:
    with st.expander(tr(lang, f"History of finding {chosen}", f"发现 {chosen} 的处理记录")):
        st.table(history_table(finding_history(db, int(chosen)), lang), hide_index=True)
