"""Compare agreements: what each arrangement protects, dimension by dimension, with the article."""

import streamlit as st

from agreements.services import agreement_ids
from briefings.comparison import compare_brief
from compare.services import compare_agreements
from errors import GIScopeError
from ui.cells import confidence_badge, plain, tr
from ui.resources import database, pdf
from ui.tables import highlight_differences, scope_table
from ui.widgets import language
from wording import agreement_name

heading = st.empty()
lang = language("compare_lang")
heading.title(tr(lang, "Compare agreements", "协定比较"))
st.caption(
    tr(
        lang,
        "Each dimension of protection as the agreement text states it, with the article. Shaded rows: two "
        "agreements state known, different positions (the TRIPS baseline is shown, not counted; a position "
        "that is unknown or unconfirmed is no difference). ⚠ marks a low or unconfirmed value.",
        "逐项列出各协定文本规定的保护内容及条款。"
        "底色标出的行：有两个协定载明了不同的已知立场"
        "（TRIPS 基准仅供参照，不计入；立场不详或未经证实的不算差异）。"
        "⚠ 表示可信度低或未经证实。",
    )
)

known = agreement_ids(database())
chosen = st.multiselect(
    tr(lang, "Agreements (2 to 4)", "协定（2至4个）"),
    known,
    default=known[:4],
    format_func=lambda a: agreement_name(a, lang),
    max_selections=4,
    key="compare_ids",
)
left, right = st.columns(2)
trips = left.checkbox(tr(lang, "TRIPS baseline", "TRIPS 基准"), key="compare_trips")
only_differences = right.toggle(tr(lang, "Only differences", "仅显示差异"), key="compare_only_diff")
if len(chosen) < 2:
    st.info(tr(lang, "Choose two agreements or more.", "请选择至少两个协定。"))
    st.stop()
try:
    comparison = compare_agreements(database(), chosen, include_trips=trips)
    briefing = compare_brief(database(), chosen, lang=lang)
except GIScopeError as exc:
    st.error(str(exc))
    st.stop()

shown = comparison.differing if only_differences else list(comparison.dimensions)
st.markdown(
    tr(
        lang,
        f"**{len(comparison.differing)} of {len(comparison.dimensions)} dimensions differ** between "
        f"{', '.join(agreement_name(a) for a in chosen)}.",
        f"**{len(comparison.dimensions)} 个维度中有 {len(comparison.differing)} 个存在差异**"
        f"（{'、'.join(agreement_name(a, 'zh') for a in chosen)}）。",
    )
)
pdf_slot = st.empty()  # the brief is rendered after the table, so the table shows at once


def offer_pdf() -> None:
    pdf_slot.download_button(
        tr(lang, "Download comparison brief (PDF)", "下载比较简报（PDF）"),
        pdf(briefing),
        file_name=f"giscope-compare-{'-'.join(chosen)}-{lang}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="compare_pdf",
    )


if not shown:
    st.success(tr(lang, "The agreements do not differ on any dimension.", "各协定在所有维度上均无差异。"))
    offer_pdf()
    st.stop()
st.table(highlight_differences(scope_table(shown, comparison.agreements, lang)))

st.subheader(tr(lang, "Notes and sources", "说明与来源"))
for d in shown:
    mark = " · " + tr(lang, "differs", "有差异") if d.differs else ""
    with st.expander(f"{d.dimension.label(lang)}{mark}"):
        for a, v in d.values.items():
            article = plain(v.article_in(lang))
            st.markdown(f"**{agreement_name(a, lang)}** · {article} · {confidence_badge(v.confidence)}")
            if v.note_in(lang):
                st.markdown(plain(v.note_in(lang) or ""))
            st.caption(f"{tr(lang, 'Source', '来源')}: {plain(v.source or 'unknown')}")

offer_pdf()
