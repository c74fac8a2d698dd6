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
from errors import GIScopeError, InputError, StaleWriteError
from gi_lists.model import JURISDICTIONS
from storage.clock import now_iso, today_iso
from ui.accounts import acting_user, editors_only
from ui.cells import problems_markdown
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
from ui.widgets import EXPORT_MIME, on_upload, page_language
from watch.trademarks.gazette import KNOWN_COLUMNS, REQUIRED_COLUMNS
from watch.trademarks.model import FINDING_STATES, SEVERITIES
from watch.trademarks.services import finding_history, list_findings, scan_gazette, set_finding_state
from wording import say

lang = page_language()
st.title(say("watch.title", lang))
st.caption(say("watch.caption", lang))


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
may_edit = editors_only(lang)  # scans and states are written to the register: editors only
with st.form("watch_scan"):
    upload = st.file_uploader(
        say("watch.file", lang, encoding="UTF-8"),
        type=["csv", "xlsx"],
        key="watch_file",
        help=say(
            "watch.file_help", lang, required=", ".join(REQUIRED_COLUMNS), allowed=", ".join(KNOWN_COLUMNS)
        ),
    )
    left, middle, right = st.columns(3)
    jurisdiction = left.selectbox(say("watch.published_in", lang), JURISDICTIONS, key="watch_jurisdiction")
    published = middle.date_input(
        say("watch.published", lang),
        value=None,
        key="watch_published",
        help=say("watch.published_help", lang, column="publication_date"),
    )
    gazette_id = right.text_input(say("watch.gazette", lang), key="watch_gazette")
    scan = st.form_submit_button(say("watch.scan", lang), type="primary", disabled=not may_edit)

if scan and upload is None:
    st.warning(say("watch.choose_file", lang))
elif scan and upload is not None:
    bar = st.progress(0.0, text=say("watch.screening", lang))

    def advance(done: int, total: int) -> None:
        bar.progress(done / total, text=say("watch.progress", lang, done=done, total=total))

    service = partial(
        scan_gazette,
        db,
        jurisdiction=jurisdiction,
        published=published.isoformat() if isinstance(published, dt.date) else None,
        gazette=gazette_id.strip() or None,
        who=acting_user(),
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
        published_label = say("watch.published", lang)
        st.error(
            say("watch.cannot_use", lang, file=upload.name)
            + "\n"
            + problems_markdown([p.replace("--published date", published_label) for p in exc.problems])
        )
    except GIScopeError as exc:
        bar.empty()
        st.error(say("watch.failed", lang, message=exc))
    else:
        bar.empty()
        deliver_alerts(Settings.from_env())
        st.success(
            say(
                "watch.scanned",
                lang,
                gazette=result.gazette,
                jurisdiction=result.jurisdiction,
                marks=result.marks,
                findings=len(result.findings),
                added=result.added,
            )
        )

# --- Findings -----------------------------------------------------------------------------------
st.subheader(say("watch.findings", lang))
every = list_findings(db)
if not every:
    st.info(say("watch.none_yet", lang))
    st.stop()

a, b, c, d = st.columns(4)
ALL = "*"
state = choice(
    a,
    say("watch.state", lang),
    [ALL, *FINDING_STATES],
    "watch_state",
    lambda s: say("watch.all", lang) if s == ALL else state_label(s, lang),
)
level = choice(
    b,
    say("watch.severity", lang),
    [ALL, *SEVERITIES],
    "watch_severity",
    lambda s: say("watch.all", lang) if s == ALL else severity_label(s, lang),
)
gis = {f.gi_id: f.name for f in every}
gi = choice(
    c,
    say("watch.gi", lang),
    [ALL, *sorted(gis)],
    "watch_gi",
    lambda g: say("watch.all", lang) if g == ALL else f"{gis[g]} [{g}]",
)
within = d.number_input(
    say("watch.within", lang),
    min_value=0,
    value=0,
    step=7,
    key="watch_within",
    help=say("watch.within_help", lang),
)
shown = filter_findings(
    list_findings(db, state=None if state == ALL else state, gi_id=None if gi == ALL else gi),
    today,
    severity=None if level == ALL else level,
    within=int(within) or None,
)

st.markdown(say("watch.count", lang, shown=len(shown), total=len(every)))
if shown:
    st.dataframe(styled_findings(findings_table(shown, today, lang), lang), hide_index=True)
else:
    st.info(say("watch.no_match", lang))

by_id_all = {f.id: f for f in shown}
dl_csv, dl_xlsx, dl_brief = st.columns(3)
for column, fmt, data in (
    (dl_csv, "csv", findings_csv(shown, today)),
    (dl_xlsx, "xlsx", findings_xlsx(shown, today)),
):
    column.download_button(
        say("watch.download", lang, fmt=fmt.upper()),
        data,
        file_name=f"giscope-watch-{today}.{fmt}",
        mime=EXPORT_MIME[fmt],
        on_click="ignore",
        key=f"watch_download_{fmt}",
        disabled=not shown,
    )
with dl_brief.form("watch_brief", border=False):  # the brief is rendered only when asked for
    brief_id = st.selectbox(
        say("watch.brief_for", lang),
        [f.id for f in shown],
        key="watch_brief_finding",
        label_visibility="collapsed",
        format_func=lambda i: f"{i} · {by_id_all[i].mark}",
    )
    prepare = st.form_submit_button(say("watch.prepare_brief", lang), disabled=not shown)
if prepare and brief_id is not None:
    try:
        brief_pdf = pdf(opposition_brief(db, int(brief_id), lang=lang, today=today))
    except GIScopeError as exc:
        dl_brief.error(say("watch.failed", lang, message=exc))
    else:
        dl_brief.download_button(
            say("watch.download_brief", lang, id=brief_id),
            brief_pdf,
            file_name=f"giscope-opposition-{brief_id}-{lang}.pdf",
            mime="application/pdf",
            on_click="ignore",
            key="watch_brief_pdf",
        )

# --- Record what was done -----------------------------------------------------------------------
st.subheader(say("watch.record_header", lang))
by_id = {f.id: f for f in every}
seen = st.session_state.get("watch_seen", {})  # the versions the page showed before this run
st.session_state["watch_seen"] = {f.id: f.version for f in every}
with st.form("watch_set"):
    left, right = st.columns(2)
    chosen = left.selectbox(
        say("watch.finding", lang),
        list(by_id),
        key="watch_finding",
        format_func=lambda i: f"{i} · {by_id[i].mark} · {by_id[i].name} [{by_id[i].gi_id}]",
    )
    new_state = choice(
        right,
        say("watch.new_state", lang),
        list(FINDING_STATES),
        "watch_new_state",
        partial(state_label, lang=lang),
    )
    note = st.text_input(say("watch.note", lang), key="watch_note")
    record = st.form_submit_button(say("watch.record", lang), disabled=not may_edit)

if record and chosen is not None:
    try:
        finding, history = set_finding_state(
            db,
            int(chosen),
            state=new_state,
            note=note,
            who=acting_user(),
            at=now_iso(),
            today=today,
            expected_version=seen.get(int(chosen)),
        )
    except StaleWriteError as exc:  # someone changed the finding after this page showed it
        st.error(
            say(
                "stale.finding",
                lang,
                record=exc.record.removeprefix("finding "),
                who=exc.changed_by or say("stale.someone", lang),
                at=(exc.changed_at or "")[:19].replace("T", " "),
                seen=exc.seen,
                now=exc.now,
            )
        )
        st.button(say("stale.reload", lang), key="watch_reload")  # a new run shows the finding as it is
    except GIScopeError as exc:
        st.error(say("watch.failed", lang, message=exc))
    else:
        deliver_alerts(Settings.from_env())
        st.session_state["watch_recorded"] = (finding.id, finding.state)
        st.rerun()  # the table above shows the new state

if "watch_recorded" in st.session_state:
    done_id, done_state = st.session_state.pop("watch_recorded")
    recorded = say("watch.recorded", lang, id=done_id, state=state_label(done_state, lang))
    st.success(recorded)
    st.toast(say("common.speed.saved", lang, what=recorded), icon=":material/check_circle:")
if chosen is not None:
    with st.expander(say("watch.history", lang, id=chosen)):
        st.table(history_table(finding_history(db, int(chosen)), lang), hide_index=True)
