"""Search: find GIs by any of their names, in any script, and open one."""

import pandas as pd
import streamlit as st

from agreements.services import agreement_ids
from errors import RegisterError
from gi_lists.model import JURISDICTIONS, STATUSES
from gi_lists.services import Filters, search
from phrases import message_text
from ui.register_tables import protections_summary
from ui.resources import database
from ui.widgets import page_language
from wording import (
    agreement_name,
    joined,
    jurisdiction_name,
    origin_text,
    product_class_word,
    say,
    status_word,
)

ANY = "any"
lang = page_language()
zh = lang == "zh"


def choice(word: str) -> str:
    return say("search.any", lang) if word == ANY else word


st.title(say("nav.search", lang))
st.caption(say("search.caption", lang))

db = database()

query = st.text_input(
    say("search.query", lang),
    key="search_query",
    placeholder=say(
        "search.placeholder", lang, examples=joined(["Champagne", "安溪铁观音"], lang, enum=True)
    ),
)
left, middle, right = st.columns(3)
jurisdiction = left.selectbox(
    say("search.protected_in", lang),
    [ANY, *JURISDICTIONS],
    key="search_jurisdiction",
    format_func=lambda j: choice(jurisdiction_name(j, lang) if zh and j != ANY else j),
    help=say("search.protected_in_help", lang),
)
agreement = middle.selectbox(
    say("search.agreement", lang),
    [ANY, *agreement_ids(db)],
    key="search_agreement",
    format_func=lambda a: choice(agreement_name(a, lang) if zh and a != ANY else a),
)
status = right.selectbox(
    say("search.status", lang),
    [ANY, *STATUSES],
    key="search_status",
    format_func=lambda s: choice(status_word(s, lang)),
)

if not query.strip():
    st.info(say("search.enter", lang))
    st.stop()

filters = Filters(
    jurisdiction=None if jurisdiction == ANY else jurisdiction,
    agreement=None if agreement == ANY else agreement,
    status=None if status == ANY else status,
)
try:
    hits = search(db, query, filters, limit=50)
except RegisterError as exc:
    st.error(message_text(str(exc), lang))
    st.stop()

if not hits:
    st.warning(say("search.no_match", lang, query=query))
    st.stop()

st.write(say("search.found_one" if len(hits) == 1 else "search.found", lang, count=len(hits)))
if all(hit.how == "close spelling" for hit in hits):
    st.caption(say("search.close_only", lang))
ID, SCORE = say("search.col_id", lang), say("search.col_score", lang)
results = pd.DataFrame(
    [
        {
            ID: hit.gi.id,
            say("search.col_name", lang): hit.gi.display_name,
            say("search.col_matched", lang): hit.matched_form,
            say("search.col_class", lang): product_class_word(hit.gi.product_class, lang),
            say("search.col_origin", lang): origin_text(hit.gi.origin, None, lang).replace(";", ", "),
            say("search.col_protections", lang): protections_summary(hit.gi, lang),
            SCORE: hit.score,
        }
        for hit in hits
    ]
)
st.dataframe(
    results,
    hide_index=True,
    column_config={SCORE: st.column_config.NumberColumn(SCORE, format="%.2f")},
)
st.caption(say("search.doubtful", lang))

labels = {hit.gi.id: f"{hit.gi.display_name} ({hit.gi.id})" for hit in hits}
chosen = st.selectbox(
    say("search.open_label", lang), list(labels), format_func=labels.__getitem__, key="search_open"
)
if st.button(say("search.open", lang), type="primary"):
    st.session_state["gi_id"] = chosen
    st.switch_page("app_pages/gi.py")
