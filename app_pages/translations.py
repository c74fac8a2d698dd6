"""Translations: the renderings suggested for GI names (and any text asked for), with their source text;
staff edit, approve or reject them, and see who reviewed what. An approved rendering of a GI's name
becomes one of its names: screening, search, exports and briefs use it from then on."""

from typing import Any

import pandas as pd
import streamlit as st

from config import Settings
from errors import GIScopeError
from translation.engine import make_translator
from translation.model import LANGS, Translation
from translation.services import add_rendering, approve, list_translations, reject, suggest_renderings
from ui.cells import plain
from ui.resources import database

# every phrase of the page, in one place (for the phrase catalogue)
SAY: dict[str, str] = {
    "title": "Translations",
    "caption": "Renderings of GI names suggested by the machine or by staff. A suggestion stays "
    "**to be reviewed** until a person approves it; approved renderings of a GI's name become one of "
    "its names (screening then matches a label in that language), rejected ones are never used.",
    "show": "Show",
    "unreviewed": "To be reviewed",
    "all": "All",
    "none": "Nothing to review.",
    "review": "Review a suggestion",
    "pick": "Suggestion",
    "text": "Rendering (edit before approving if needed)",
    "reason": "Reason for rejecting (optional)",
    "approve": "Approve",
    "reject": "Reject",
    "approved": "#{id} approved by {reviewed_by}: {result}",
    "rejected": "#{id} rejected by {reviewed_by}",
    "suggest": "Suggest renderings",
    "gi": "GI id (e.g. cn-anji-bai-cha)",
    "langs": "Languages (empty: en, fr, th for Chinese names; zh for others)",
    "ask": "Ask the machine",
    "made": "{n} suggestion(s) made; {skipped} already had a name or a suggestion.",
    "write": "Or write one",
    "lang": "Language",
    "add": "Add as a suggestion",
    "added": "#{id} suggested: {result} (to be reviewed)",
}  # fmt: skip
COLUMNS = [
    "id",
    "source text",
    "to",
    "rendering",
    "engine",
    "status",
    "for",
    "suggested by",
    "reviewed by",
    "reviewed at",
]

st.title(SAY["title"])
st.caption(SAY["caption"])
db = database()
settings = Settings.from_env()
if (done := st.session_state.pop("translations_done", None)) is not None:
    st.success(done)


def table(rows: list[Translation]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (t.id, t.text, t.target_lang, t.marked, t.engine, t.status, t.gi_id or t.subject or "",
             t.suggested_by, t.reviewed_by or "", (t.reviewed_at or "")[:16])
            for t in rows
        ],
        columns=COLUMNS,
    )  # fmt: skip


def run(work: Any, message: str) -> None:
    """A review service; its outcome shown after a rerun, its refusal shown now (one line)."""
    try:
        result = work()
    except GIScopeError as exc:
        st.error(plain(str(exc)))
        return
    st.session_state["translations_done"] = message.format(**result.to_dict())
    st.rerun()


which = st.radio(SAY["show"], [SAY["unreviewed"], SAY["all"]], horizontal=True, key="translations_which")
rows = list_translations(db, unreviewed=which == SAY["unreviewed"], limit=500)
if rows:
    st.dataframe(table(rows), hide_index=True, use_container_width=True)
else:
    st.info(SAY["none"])

pending = [t for t in rows if t.status == "suggested"]
if pending:
    st.subheader(SAY["review"])
    by_id = {t.id: t for t in pending}
    picked = st.selectbox(
        SAY["pick"], list(by_id), key="translations_pick",
        format_func=lambda i: f"#{i}  {by_id[i].text} → {by_id[i].result} [{by_id[i].target_lang}]",
    )  # fmt: skip
    chosen = by_id[picked]
    text = st.text_input(SAY["text"], value=chosen.result, key=f"translations_text_{chosen.id}")
    reason = st.text_input(SAY["reason"], key=f"translations_reason_{chosen.id}")
    left, right, _ = st.columns([1, 1, 4])
    if left.button(SAY["approve"], type="primary", key="translations_approve"):
        run(lambda: approve(db, chosen.id, who=settings.user, text=text), SAY["approved"])
    if right.button(SAY["reject"], key="translations_reject"):
        run(lambda: reject(db, chosen.id, who=settings.user, reason=reason or None), SAY["rejected"])

st.subheader(SAY["suggest"])
left, right = st.columns(2)
gi_id = left.text_input(SAY["gi"], key="translations_gi").strip()
langs = right.multiselect(SAY["langs"], list(LANGS), key="translations_langs")
ask, write = st.columns(2)
if ask.button(SAY["ask"], key="translations_ask", disabled=not gi_id):
    try:
        translator = make_translator(settings.translator, settings.translate_timeout)
        with st.spinner("…"):
            report = suggest_renderings(db, [gi_id], translator, who=settings.user, langs=langs or None)
    except GIScopeError as exc:
        st.error(plain(str(exc)))
    else:
        if report.unavailable:
            st.warning(plain(report.unavailable))
        st.info(SAY["made"].format(n=len(report.created), skipped=report.skipped))
with write.expander(SAY["write"]):
    lang = st.selectbox(SAY["lang"], list(LANGS), key="translations_add_lang")
    written = st.text_input(SAY["text"], key="translations_add_text")
    if st.button(SAY["add"], key="translations_add", disabled=not (gi_id and written.strip())):
        run(lambda: add_rendering(db, gi_id, lang, written, who=settings.user), SAY["added"])
