"""GI record: one GI's names, its protections with their sources, and its history."""

import streamlit as st

from errors import RegisterError
from gi_lists.services import find_gis
from phrases import message_text
from translation.renderings import pending_renderings
from ui.cells import or_unknown
from ui.register_tables import history_table, names_table, protections_table
from ui.resources import database
from ui.widgets import page_language
from wording import (
    DOUBTFUL,
    confidence_word,
    joined,
    language_word,
    origin_text,
    product_class_word,
    region_word,
    say,
)

lang = page_language()
EXAMPLES = joined(["fr-champagne", "香槟", "Anxi Tieguanyin"], lang, enum=True)

st.title(say("nav.gi", lang))

# The GI to show comes from the Search page (session state) or a link (?id=...). Copy it into the
# text box only when it changes, so what the user types there is not overwritten on the next run.
target = st.session_state.get("gi_id") or st.query_params.get("id", "")
if st.session_state.get("gi_target") != target or "gi_ref" not in st.session_state:
    st.session_state["gi_target"] = target
    st.session_state["gi_ref"] = target

ref = st.text_input(
    say("gi.ref", lang), key="gi_ref", placeholder=say("gi.placeholder", lang, examples=EXAMPLES)
)
if not ref.strip():
    st.info(say("gi.enter", lang))
    st.stop()

try:
    found = find_gis(database(), ref)
except RegisterError as exc:
    st.error(message_text(str(exc), lang))
    st.caption(say("gi.search_hint", lang))
    st.stop()
gi = found[0]
if len(found) > 1:  # a homonym: Toscano the wine and Toscano the olive oil
    st.warning(say("gi.homonyms", lang, ref=ref.strip(), count=len(found)))
    by_id = {g.id: g for g in found}

    def homonym(i: str) -> str:
        g = by_id[i]
        where = origin_text(g.origin, None, lang)
        return f"{g.display_name} · {product_class_word(g.product_class, lang)} · {where} ({i})"

    chosen = st.radio(say("gi.homonym", lang), list(by_id), format_func=homonym, key="gi_homonym")
    gi = by_id[chosen]

others = [n.text for n in gi.names[1:]]
st.header(gi.display_name + (f" · {' · '.join(others)}" if others else ""))
st.caption(f"`{gi.id}`")
facts = st.columns(3)
facts[0].markdown(f"**{say('gi.product_class', lang)}**  \n{product_class_word(gi.product_class, lang)}")
origin = origin_text(gi.origin, None, lang) if lang == "zh" else gi.origin.replace(";", ", ")
facts[1].markdown(f"**{say('gi.origin', lang)}**  \n{origin}")
region = region_word(gi.region, lang) if gi.region else None
facts[2].markdown(f"**{say('gi.region', lang)}**  \n{or_unknown(region, lang)}")

st.subheader(say("gi.names", lang))
st.table(names_table(gi, lang), hide_index=True)
if pending := pending_renderings(database(), [gi.id]).get(gi.id):
    items = "; ".join(f"{t.result} [{language_word(t.target_lang, lang)}]" for t in pending)
    st.caption(say("gi.pending_renderings", lang, items=items))

st.subheader(say("gi.protections", lang))
if gi.protections:
    st.table(protections_table(gi, lang), hide_index=True)
    doubtful = [p for p in gi.protections if p.confidence in DOUBTFUL]
    if doubtful:
        levels = [confidence_word(level, lang) for level in sorted({p.confidence for p in doubtful})]
        key = "gi.doubtful_one" if len(doubtful) == 1 else "gi.doubtful"
        or_word = say("gi.or", lang)
        st.warning(say(key, lang, count=len(doubtful), levels=or_word.join(levels)))
else:
    st.caption(say("gi.no_protection", lang))

st.subheader(say("gi.history", lang))
if gi.history:
    st.dataframe(history_table(gi, lang), hide_index=True)
else:
    st.caption(say("gi.no_history", lang))
