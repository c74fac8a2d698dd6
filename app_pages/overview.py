"""Agreements: each agreement's facts and how many GIs each of its lists holds."""

import streamlit as st

from agreements.services import overview
from gi_lists.model import JURISDICTIONS
from gi_lists.services import coverage
from ui.cells import confidence, or_unknown
from ui.charts import list_status_chart, undrawn
from ui.register_tables import articles_table, events_table, list_table, sourced
from ui.resources import database, origin_maps, origins
from ui.widgets import page_language
from wording import DOUBTFUL, annex_code, confidence_word, joined, jurisdiction_name, say

lang = page_language()
zh = lang == "zh"
KINDS = {
    "agreement": say("overview.kind_agreement", lang),
    "protocol": say("overview.kind_protocol", lang),
    "MOU": say("overview.kind_mou", lang),
}


def fact(label: str, value: str) -> str:
    return f"**{label}**  \n{value}"


st.title(say("app.title", lang))
st.write(say("overview.intro", lang))

agreements = overview(database())

if not agreements:
    st.warning(say("overview.no_agreements", lang, command="`giscope init`"))
elif any(lc.total for ov in agreements for lc in ov.lists):
    st.subheader(say("overview.charts.heading", lang), anchor="charts")
    st.altair_chart(list_status_chart(agreements, lang), width="stretch")
    st.subheader(say("overview.charts.origins", lang), anchor="origins")
    from_where = origins()
    left, right = st.columns(2)
    world_map, china_map = origin_maps(lang)
    left.vega_lite_chart(spec=world_map, width="stretch")
    right.vega_lite_chart(spec=china_map, width="stretch")
    st.caption(say("overview.charts.origins_caption", lang))
    small = undrawn(from_where, lang)
    if small:
        st.caption(say("overview.charts.undrawn", lang, countries=joined(small, lang, enum=True)))
    if from_where.no_province:
        st.caption(say("overview.charts.no_province", lang, count=from_where.no_province))

for ov in agreements:
    a = ov.agreement
    st.divider()
    st.header(a.title(lang), anchor=a.id)
    if zh:
        st.caption(say("overview.title_en", lang, title=a.title_en))
    else:
        st.subheader(a.title_zh)
    st.caption(say("overview.id_line", lang, id=a.id, level=confidence(a.confidence, lang)))
    facts = st.columns(4)
    facts[0].markdown(fact(say("overview.kind", lang), KINDS.get(a.kind, a.kind)))
    parties = joined([jurisdiction_name(p, lang) if zh else p for p in a.parties], lang, enum=True)
    facts[1].markdown(fact(say("overview.parties", lang), parties))
    facts[2].markdown(fact(say("overview.signed", lang), or_unknown(a.signed, lang)))
    facts[3].markdown(fact(say("overview.in_force", lang), or_unknown(a.in_force, lang)))
    note = a.note_zh if zh else a.note_en
    if note:
        st.markdown(note)
    if a.note_zh and not zh:
        with st.expander(say("overview.note_zh", lang)):
            st.markdown(a.note_zh)
    st.caption(sourced(a.source, a.confidence, lang))
    if a.confidence in DOUBTFUL:
        st.warning(say("overview.doubtful", lang, id=a.id, level=confidence_word(a.confidence, lang)))

    st.markdown(say("overview.lists", lang, count=ov.total))
    if ov.lists:
        st.table(list_table(ov, lang))
    else:
        st.caption(say("overview.no_list", lang))
    short = [lc for lc in ov.lists if lc.expected is not None and lc.total < lc.expected]
    if short:
        missing = joined(
            [
                say(
                    "overview.short_item",
                    lang,
                    annex=annex_code(lc.annex, lang),
                    total=lc.total,
                    expected=lc.expected,
                )
                for lc in short
            ],
            lang,
            enum=True,
        )
        st.caption(say("overview.short", lang, missing=missing))

    if a.events:
        with st.expander(say("overview.events", lang, count=len(a.events))):
            st.table(events_table(ov, lang), hide_index=True)
    raw = a.extra.get("articles") if isinstance(a.extra, dict) else None
    articles: list[dict[str, str]] = list(raw) if isinstance(raw, list) else []
    if articles:
        with st.expander(say("overview.articles", lang, count=len(articles))):
            note_key = "articles_note_zh" if zh and a.extra.get("articles_note_zh") else "articles_note"
            st.caption(str(a.extra.get(note_key, "")))
            st.table(articles_table(articles, lang))

st.divider()
st.header(say("overview.coverage", lang), anchor="coverage")
st.write(say("overview.coverage_intro", lang))
for j in JURISDICTIONS:
    covered = coverage(database(), j).text(lang)
    where = jurisdiction_name(j, lang)
    st.markdown(f"**{where[:1].upper() + where[1:]}** · {covered[:1].upper() + covered[1:]}")
