"""Agreements: each agreement's facts and how many GIs each of its lists holds."""

import streamlit as st

from agreements.services import overview
from gi_lists.model import JURISDICTIONS
from gi_lists.services import coverage
from ui.cells import confidence, or_unknown, sourced
from ui.resources import database
from ui.tables import events_table, list_table
from wording import DOUBTFUL, jurisdiction_name

st.title("GIScope")
st.write(
    "A register of China's international geographical-indication lists: the agreements, the names "
    "on each list and their status. Every fact names its source and how sure we are of it."
)

agreements = overview(database())

if not agreements:
    st.warning("No agreements are recorded. Run `giscope init` to load the bundled records.")

for ov in agreements:
    a = ov.agreement
    st.divider()
    st.header(a.title_en, anchor=a.id)
    st.subheader(a.title_zh)
    st.caption(f"`{a.id}` · confidence: {confidence(a.confidence)}")
    facts = st.columns(4)
    facts[0].markdown(f"**Kind**  \n{a.kind}")
    facts[1].markdown(f"**Parties**  \n{', '.join(a.parties)}")
    facts[2].markdown(f"**Signed**  \n{or_unknown(a.signed)}")
    facts[3].markdown(f"**In force**  \n{or_unknown(a.in_force)}")
    if a.note_en:
        st.markdown(a.note_en)
    if a.note_zh:
        with st.expander("说明（中文）"):
            st.markdown(a.note_zh)
    st.caption(sourced(a.source, a.confidence))
    if a.confidence in DOUBTFUL:
        st.warning(f"The facts about {a.id} are {a.confidence}: check the source before relying on them.")

    st.markdown(f"**Lists** · {ov.total} GIs in all")
    if ov.lists:
        st.table(list_table(ov))
    else:
        st.caption("No list recorded for this agreement.")
    short = [lc for lc in ov.lists if lc.expected is not None and lc.total < lc.expected]
    if short:
        missing = ", ".join(f"Annex {lc.annex}: {lc.total} of {lc.expected}" for lc in short)
        st.caption(f"Lists not complete in the register: {missing}.")

    if a.events:
        with st.expander(f"Dated events ({len(a.events)})"):
            st.table(events_table(ov), hide_index=True)
    raw = a.extra.get("articles") if isinstance(a.extra, dict) else None
    articles: list[dict[str, str]] = list(raw) if isinstance(raw, list) else []
    if articles:
        with st.expander(f"Articles, as far as the sources were read ({len(articles)})"):
            st.caption(str(a.extra.get("articles_note", "")))
            st.table(
                [
                    {
                        "Article": x["article"],
                        "Summary": x["summary_en"],
                        "Confidence": confidence(x["confidence"]),
                        "Source": x["source"],
                    }
                    for x in articles
                ]
            )

st.divider()
st.header("What a screening covers", anchor="coverage")
st.write(
    "Besides the agreement lists, the register holds each listed GI's protection at home (inferred) and "
    "the EU register as of July 2020. A screening in a jurisdiction covers these names, and only these:"
)
for j in JURISDICTIONS:
    covered = coverage(database(), j).text()
    where = jurisdiction_name(j)
    st.markdown(f"**{where[:1].upper() + where[1:]}** · {covered[:1].upper() + covered[1:]}")
