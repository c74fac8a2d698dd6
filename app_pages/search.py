"""Search: every GI of the register, narrowed by facets and found by any of its names in any script;
choosing a row opens its record."""

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from errors import RegisterError
from gi_lists.model import JURISDICTIONS
from gi_lists.services import Filters, browse, facet_values
from phrases import message_text
from ui import search_browse as sb
from ui.resources import database
from ui.widgets import page_language
from wording import agreement_name, annex_code, confidence_word, joined, jurisdiction_name, say, status_word

ANY = "any"
# The query, the facets and the page are kept for the session (persist_state): back from a record, the list
# is as it was.
lang = page_language()
zh = lang == "zh"


def facet(
    column: Any,
    label: str,
    values: Sequence[str],
    key: str,
    label_of: Callable[[str], str] = str,
    **options: Any,
) -> str | None:
    """A select box of the register's values for one facet, 'any' first; None for 'any'."""
    if st.session_state.get(key, ANY) not in (ANY, *values):  # a value the register (or agreement) lacks
        st.session_state[key] = ANY
    chosen = column.selectbox(
        label,
        [ANY, *values],
        key=key,
        format_func=lambda v: say("search.any", lang) if v == ANY else label_of(v),
        persist_state="session",
        **options,
    )
    return None if chosen == ANY else chosen


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
cols = st.columns(4)
jurisdiction = facet(
    cols[0],
    say("search.protected_in", lang),
    JURISDICTIONS,
    "search_jurisdiction",
    lambda j: jurisdiction_name(j, lang) if zh else j,
    help=say("search.protected_in_help", lang),
)
agreement = facet(
    cols[1],
    say("search.agreement", lang),
    list(values.annexes),
    "search_agreement",
    lambda a: agreement_name(a, lang),
)
annexes = values.annexes.get(agreement or "", ())
annex = facet(
    cols[2],
    say("search.browse.annex", lang),
    annexes,
    "search_annex",
    lambda a: annex_code(a, lang),
    disabled=not annexes,
    help=say("search.browse.annex_help", lang),
)
route = facet(
    cols[3],
    say("search.browse.route", lang),
    values.routes,
    "search_route",
    lambda r: sb.route_label(r, lang),
)
cols = st.columns(4)
status = facet(
    cols[0], say("search.status", lang), values.statuses, "search_status", lambda s: status_word(s, lang)
)
confidence = facet(
    cols[1],
    say("search.browse.confidence", lang),
    values.confidences,
    "search_confidence",
    lambda c: confidence_word(c, lang),
    help=say("search.browse.confidence_help", lang),
)
families = sb.class_families(values.product_classes)
product_class = facet(
    cols[2],
    say("search.browse.product_class", lang),
    families,
    "search_class",
    lambda c: sb.class_label(c, lang),
)
origin_column, region_column = cols[3].columns(2) if values.origins else (cols[3], cols[3])
origin = facet(
    origin_column,
    say("search.browse.origin", lang),
    list(values.origins),
    "search_origin",
    lambda o: sb.origin_label(o, lang),
)
regions = values.origins.get(origin or "", ())
region = facet(
    region_column,
    say("search.browse.region", lang),
    regions,
    "search_region",
    lambda r: sb.region_label(r, lang),
    disabled=not regions,
)

filters = Filters(
    jurisdiction=jurisdiction,
    agreement=agreement,
    annex=annex if annex in annexes else None,
    product_class=product_class,
    origin=region if region in regions else origin,
    status=status,
    route=route,
    confidence=confidence,
)
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
