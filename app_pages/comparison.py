"""Compare agreements: what each arrangement protects, dimension by dimension, with the article."""

import streamlit as st

from agreements.services import agreement_ids
from briefings.comparison import compare_brief
from compare.services import compare_agreements
from errors import GIScopeError
from ui.cells import confidence_badge, plain, source_line
from ui.law_tables import highlight_differences, scope_table
from ui.resources import database, pdf
from ui.widgets import page_language
from wording import agreement_name, say

lang = page_language()
st.title(say("compare.title", lang))
st.caption(say("compare.caption", lang))

known = agreement_ids(database())
chosen = st.multiselect(
    say("compare.agreements", lang),
    known,
    default=known[:4],
    format_func=lambda a: agreement_name(a, lang),
    max_selections=4,
    key="compare_ids",
)
left, right = st.columns(2)
trips = left.checkbox(say("compare.trips", lang), key="compare_trips")
only_differences = right.toggle(say("compare.only_differences", lang), key="compare_only_diff")
if len(chosen) < 2:
    st.info(say("compare.choose_two", lang))
    st.stop()
try:
    comparison = compare_agreements(database(), chosen, include_trips=trips)
    briefing = compare_brief(database(), chosen, lang=lang)
except GIScopeError as exc:
    st.error(say("compare.failed", lang, message=exc))
    st.stop()

shown = comparison.differing if only_differences else list(comparison.dimensions)
names = say("compare.name_separator", lang).join(agreement_name(a, lang) for a in chosen)
st.markdown(
    say(
        "compare.differ_count",
        lang,
        differing=len(comparison.differing),
        total=len(comparison.dimensions),
        names=names,
    )
)
pdf_slot = st.empty()  # the brief is rendered after the table, so the table shows at once


def offer_pdf() -> None:
    pdf_slot.download_button(
        say("compare.download_pdf", lang),
        pdf(briefing),
        file_name=f"giscope-compare-{'-'.join(chosen)}-{lang}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="compare_pdf",
    )


if not shown:
    st.success(say("compare.no_differences", lang))
    offer_pdf()
    st.stop()
st.table(highlight_differences(scope_table(shown, comparison.agreements, lang)))

st.subheader(say("compare.notes", lang))
for d in shown:
    mark = say("compare.differs_mark", lang) if d.differs else ""
    with st.expander(f"{d.dimension.label(lang)}{mark}"):
        for a, v in d.values.items():
            article = plain(v.article_in(lang))
            st.markdown(f"**{agreement_name(a, lang)}** · {article} · {confidence_badge(v.confidence, lang)}")
            if v.note_in(lang):
                st.markdown(plain(v.note_in(lang) or ""))
            st.caption(source_line(v.source, lang))

offer_pdf()
