"""GI record: one GI as a provenance page: its names in every script, each protection with its route,
status history, source and confidence, and its history; a shareable address (?id=...) and the actions
that start from it (screen the name, a dispute brief for a market)."""

import streamlit as st

from gi_lists.model import JURISDICTIONS
from translation.renderings import pending_renderings
from ui.cells import or_unknown
from ui.lookup import find_gi
from ui.register_tables import history_table, names_table, protections_table
from ui.resources import database
from ui.widgets import page_language
from wording import (
    DOUBTFUL,
    confidence_word,
    joined,
    jurisdiction_name,
    language_word,
    origin_text,
    product_class_word,
    region_word,
    say,
)

lang = page_language()
EXAMPLES = joined(["fr-champagne", "香槟", "Anxi Tieguanyin"], lang, enum=True)
HISTORY_ANCHOR = say("gi.record.history_anchor", lang)  # the History section's place on the page

st.title(say("nav.gi", lang))

# The GI to show: the address's ?id= (a shared link, a reload, the Search page), else the one the Search
# page or this page last opened (session "gi_id"). It is copied into the text box only when it differs
# from the GI shown last, so what the user types there is not overwritten on the next run.
target = st.query_params.get("id") or st.session_state.get("gi_id") or ""
if st.session_state.get("gi_target") != target or "gi_ref" not in st.session_state:
    st.session_state["gi_target"] = target
    st.session_state["gi_ref"] = target

ref = st.text_input(
    say("gi.ref", lang), key="gi_ref", placeholder=say("gi.placeholder", lang, examples=EXAMPLES)
)
if not ref.strip():
    st.info(say("gi.enter", lang))
    st.stop()

found, _ = find_gi(database(), ref, lang, key="gi_homonym")
if found is None:
    st.stop()
gi = found

# The address names the GI shown, so the link can be shared and a reload shows the same GI.
st.session_state["gi_id"] = st.session_state["gi_target"] = gi.id
if st.query_params.get("id") != gi.id:
    st.query_params["id"] = gi.id
st.set_page_config(page_title=gi.display_name)  # the browser tab names the GI

others = [n.text for n in gi.names[1:]]
st.header(gi.display_name + (f" · {' · '.join(others)}" if others else ""))
st.caption(f"`{gi.id}`")
facts = st.columns(3)
facts[0].markdown(f"**{say('gi.product_class', lang)}**  \n{product_class_word(gi.product_class, lang)}")
origin = origin_text(gi.origin, None, lang) if lang == "zh" else gi.origin.replace(";", ", ")
facts[1].markdown(f"**{say('gi.origin', lang)}**  \n{origin}")
region = region_word(gi.region, lang) if gi.region else None
facts[2].markdown(f"**{say('gi.region', lang)}**  \n{or_unknown(region, lang)}")


def where(j: str) -> str:
    return f"{jurisdiction_name(j, 'zh')}（{j}）" if lang == "zh" else j


# Actions: screen the GI's names, or prepare a dispute brief, in the market chosen.
market_box, screen_box, brief_box, history_box = st.columns([2, 2, 2, 1], vertical_alignment="bottom")
market = market_box.selectbox(
    say("gi.record.market", lang),
    JURISDICTIONS,
    index=None,
    format_func=where,
    placeholder=say("gi.record.market_placeholder", lang),
    help=say("gi.record.market_help", lang),
    key="gi_market",
)
if screen_box.button(say("gi.record.screen", lang), help=say("gi.record.screen_help", lang), key="gi_screen"):
    st.session_state["screen_labels"] = "\n".join(dict.fromkeys(n.text for n in gi.names))
    if market:
        st.session_state["screen_jurisdiction"] = market
    st.switch_page("app_pages/screen.py")
if brief_box.button(say("gi.record.brief", lang), help=say("gi.record.brief_help", lang), key="gi_brief"):
    st.session_state["brief_gi"] = gi.id  # the keys app_pages/briefs.py's dispute form reads
    if market:
        st.session_state["brief_dispute_in"] = market
    st.switch_page("app_pages/briefs.py")
history_box.markdown(f"[{say('gi.record.history_link', lang)}](#{HISTORY_ANCHOR})")

st.subheader(say("gi.names", lang))
names = names_table(gi, lang)
st.table(names, hide_index=True)
if len(names) > len(gi.names):
    st.caption(say("gi.record.names_note", lang))
if pending := pending_renderings(database(), [gi.id]).get(gi.id):
    items = "; ".join(f"{t.result} [{language_word(t.target_lang, lang)}]" for t in pending)
    st.caption(say("gi.pending_renderings", lang, items=items))

st.subheader(say("gi.protections", lang))
if gi.protections:
    st.table(protections_table(gi, lang), hide_index=True)  # st.table wraps: no note or source is cut
    st.caption(say("gi.record.link_note", lang))
    doubtful = [p for p in gi.protections if p.confidence in DOUBTFUL]
    if doubtful:
        levels = [confidence_word(level, lang) for level in sorted({p.confidence for p in doubtful})]
        key = "gi.doubtful_one" if len(doubtful) == 1 else "gi.doubtful"
        or_word = say("gi.or", lang)
        st.warning(say(key, lang, count=len(doubtful), levels=or_word.join(levels)))
else:
    st.caption(say("gi.no_protection", lang))

st.subheader(say("gi.history", lang), anchor=HISTORY_ANCHOR)
if gi.history:
    st.dataframe(history_table(gi, lang), hide_index=True)
else:
    st.caption(say("gi.no_history", lang))
