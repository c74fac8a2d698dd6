"""Search: every GI of the register, narrowed by facets and found by any of its names in any script;
choosing a row opens its record. The query, the facets and the page are kept for the session
(persist_state): back from a record, the list is as it was."""

import streamlit as st

from errors import RegisterError
from gi_lists.services import browse, facet_values
from phrases import message_text
from ui import search_browse as sb
from ui.resources import database
from ui.search_facets import facet_filters
from ui.widgets import page_language
from wording import joined, say

lang = page_language()

st.title(say("nav.search", lang))
st.caption(say("search.browse.caption", lang))

db = database()
values = facet_values(db)

query = st.text_input(
    say("search.query", lang),
    key="search_query",
    persist_state="session",
    placeholder=say(
        "search.placeholder", lang, examples=joined(["Champagne", "安溪铁观音"], lang, enum=True)
    ),
)
st.caption(say("search.caption", lang))
filters = facet_filters(values, lang)
# A new query or new choices start again at page 1.
asked = (query.strip(), filters)
if st.session_state.get("search_asked") != asked:
    st.session_state["search_asked"] = asked
    st.session_state["search_page"] = 1
page = max(1, int(st.session_state.get("search_page", 1)))
try:
    found = browse(db, query, filters, offset=(page - 1) * sb.PAGE_SIZE, limit=sb.PAGE_SIZE)
    if not found.gis and found.total:  # past the last page (the register shrank): back to page 1
        page = st.session_state["search_page"] = 1
        found = browse(db, query, filters, limit=sb.PAGE_SIZE)
except RegisterError as exc:
    st.error(message_text(str(exc), lang))
    st.stop()

if not found.gis:
    st.warning(
        say("search.no_match", lang, query=query.strip())
        if query.strip()
        else say("search.browse.none", lang)
    )
    st.stop()

st.write(sb.shown_text(found, lang))
if found.hits and all(hit.how == "close spelling" for hit in found.hits):
    st.caption(say("search.close_only", lang))
SCORE = say("search.col_score", lang)
# The table's key changes once a row has opened a record, so coming back does not open it again.
nonce = st.session_state.setdefault("search_opened", 0)
event = st.dataframe(
    sb.results_table(found, lang),
    hide_index=True,
    column_config={
        SCORE: st.column_config.NumberColumn(SCORE, format="%.2f"),
        say("search.col_class", lang): st.column_config.TextColumn(width="medium"),
        say("search.col_protections", lang): st.column_config.TextColumn(width="large"),
    },
    on_select="rerun",
    selection_mode="single-row",
    key=f"search_table_{nonce}",
)
rows = event.selection.rows if event is not None else []
if rows:
    gi_id = found.gis[rows[0]].id
    st.session_state["gi_id"] = gi_id
    st.session_state["search_opened"] = nonce + 1
    st.switch_page("app_pages/gi.py", query_params={"id": gi_id})
st.caption(say("search.browse.open_hint", lang) + " " + say("search.doubtful", lang))
pages = -(-found.total // sb.PAGE_SIZE)
if pages > 1:
    st.number_input(
        say("search.browse.page", lang),
        min_value=1,
        max_value=pages,
        step=1,
        key="search_page",
        persist_state="session",
    )
