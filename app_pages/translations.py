"""Translations: the renderings suggested for GI names (and any text asked for), with their source text;
staff edit, approve or reject them, and see who reviewed what. An approved rendering of a GI's name
becomes one of its names: screening, search, exports and briefs use it from then on."""

from typing import Any

import pandas as pd
import streamlit as st

from config import Settings
from errors import GIScopeError
from phrases import message_text
from translation.engine import make_translator
from translation.model import LANGS, Translation
from translation.services import add_rendering, approve, list_translations, reject, suggest_renderings
from ui.accounts import acting_user, editors_only
from ui.cells import plain, when
from ui.resources import database
from ui.widgets import page_language
from wording import language_word, say

COLUMNS = (
    "id",
    "text",
    "to",
    "rendering",
    "engine",
    "status",
    "for",
    "suggested_by",
    "reviewed_by",
    "reviewed_at",
)
lang = page_language()


def say_(key: str, **values: object) -> str:
    return say(f"translations.{key}", lang, **values)


st.title(say("nav.translations", lang))
st.caption(say_("caption"))
db = database()
settings = Settings.from_env()
if (done := st.session_state.pop("translations_done", None)) is not None:
    st.success(done)
    st.toast(say("common.speed.saved", lang, what=done), icon=":material/check_circle:")


def table(rows: list[Translation]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (t.id, t.text, language_word(t.target_lang, lang), t.result, t.engine, say_(f"status.{t.status}"),
             t.gi_id or t.subject or "", t.suggested_by, t.reviewed_by or "", when(t.reviewed_at, lang))
            for t in rows
        ],
        columns=[say_(f"col.{c}") for c in COLUMNS],
    )  # fmt: skip


def run(work: Any, message: str) -> None:
    """A review service; its outcome shown after a rerun, its refusal shown now (one line)."""
    try:
        result = work()
    except GIScopeError as exc:
        st.error(plain(message_text(str(exc), lang)))
        return
    st.session_state["translations_done"] = say_(message, **result.to_dict())
    st.rerun()


which = st.radio(
    say_("show"), ["unreviewed", "all"], format_func=say_, horizontal=True, key="translations_which"
)
rows = list_translations(db, unreviewed=which == "unreviewed", limit=500)
if rows:
    st.dataframe(table(rows), hide_index=True, use_container_width=True)
else:
    st.info(say_("none"))

if not editors_only(lang):  # what follows reviews and adds renderings
    st.stop()
pending = [t for t in rows if t.status == "suggested"]
if pending:
    st.subheader(say_("review"))
    by_id = {t.id: t for t in pending}

    def option(i: int) -> str:
        t = by_id[i]
        return f"#{i}  {t.text} → {t.result} [{language_word(t.target_lang, lang)}]"

    picked = st.selectbox(say_("pick"), list(by_id), key="translations_pick", format_func=option)
    chosen = by_id[picked]
    text = st.text_input(say_("text"), value=chosen.result, key=f"translations_text_{chosen.id}")
    reason = st.text_input(say_("reason"), key=f"translations_reason_{chosen.id}")
    left, right, _ = st.columns([1, 1, 4])
    if left.button(say_("approve"), type="primary", key="translations_approve"):
        run(lambda: approve(db, chosen.id, who=acting_user(), text=text), "approved")
    if right.button(say_("reject"), key="translations_reject"):
        run(lambda: reject(db, chosen.id, who=acting_user(), reason=reason or None), "rejected")

st.subheader(say_("suggest"))
left, right = st.columns(2)
gi_id = left.text_input(say_("gi", example="cn-anji-bai-cha"), key="translations_gi").strip()
langs = right.multiselect(
    say_("langs"), list(LANGS), format_func=lambda c: language_word(c, lang), key="translations_langs"
)
ask, write = st.columns(2)
if ask.button(say_("ask"), key="translations_ask", disabled=not gi_id):
    try:
        translator = make_translator(settings.translator, settings.translate_timeout)
        with st.spinner(say_("asking")):
            report = suggest_renderings(db, [gi_id], translator, who=acting_user(), langs=langs or None)
    except GIScopeError as exc:
        st.error(plain(message_text(str(exc), lang)))
    else:
        if report.unavailable:
            st.warning(plain(message_text(report.unavailable, lang)))
        st.info(say_("made", n=len(report.created), skipped=report.skipped))
with write.expander(say_("write")):
    to = st.selectbox(
        say_("lang"), list(LANGS), format_func=lambda c: language_word(c, lang), key="translations_add_lang"
    )
    written = st.text_input(say_("text"), key="translations_add_text")
    if st.button(say_("add"), key="translations_add", disabled=not (gi_id and written.strip())):
        run(lambda: add_rendering(db, gi_id, to, written, who=acting_user()), "added")
