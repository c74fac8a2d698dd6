"""Screen labels: check labels, brands or listings for names protected in a jurisdiction."""

import streamlit as st

from compare.services import check_labels, read_labels
from errors import InputError
from gi_lists.export import dumps
from gi_lists.model import JURISDICTIONS
from gi_lists.services import coverage
from ui.cells import label_severity, plain, problems_markdown, screen_summary, severity_badge, typed_class
from ui.resources import conflict_index, database
from ui.tables import matches_table, results_csv, styled
from ui.widgets import on_upload, page_language
from wording import jurisdiction_name, say

lang = page_language()
st.title(say("screen.title", lang))
st.caption(say("screen.intro", lang))

index = conflict_index()


def where(j: str) -> str:
    """'CN' in English (as before), '中国（CN）' in Chinese."""
    return f"{jurisdiction_name(j, 'zh')}（{j}）" if lang == "zh" else j


with st.form("screen"):
    left, right = st.columns([1, 3])
    jurisdiction = left.selectbox(
        say("screen.against", lang),
        JURISDICTIONS,
        format_func=where,
        key="screen_jurisdiction",
        help=say("screen.against_help", lang),
    )
    product_class = right.text_input(
        say("screen.class", lang),
        key="screen_class",
        placeholder=say("screen.class_placeholder", lang),
        help=say("screen.class_help", lang),
    )
    typed = st.text_area(
        say("screen.labels", lang),
        key="screen_labels",
        height=140,
        placeholder=say("screen.labels_placeholder", lang),
    )
    upload = st.file_uploader(
        say("screen.file", lang, ext=".txt", encoding="UTF-8"), type=["txt"], key="screen_file"
    )
    st.form_submit_button(say("screen.submit", lang), type="primary")

labels = [line.strip() for line in typed.splitlines() if line.strip()]
if upload is not None:
    try:
        labels += on_upload(upload, read_labels)
    except InputError as exc:
        st.error(f"{say('screen.bad_file', lang)}\n{problems_markdown(exc.problems, lang)}")
        st.stop()
if not labels:
    st.info(say("screen.hint", lang, ext=".txt"))
    st.stop()

stated = typed_class(product_class.strip(), {gi.product_class for gi in index.gis}, lang) or None
with st.spinner(say("screen.working", lang)):
    results = check_labels(index, labels, jurisdiction, product_class=stated, lang=lang)

st.markdown(screen_summary(results, lang))
covered = coverage(database(), jurisdiction).text(lang)
st.caption(covered[:1].upper() + covered[1:])
downloads = st.columns([1, 1, 4])
downloads[0].download_button(
    say("screen.download_json", lang),
    dumps([r.to_dict() for r in results]),
    file_name="giscope-check.json",
    mime="application/json",
    on_click="ignore",
)
downloads[1].download_button(
    say("screen.download_csv", lang),
    results_csv(results),
    file_name="giscope-check.csv",
    mime="text/csv",
    on_click="ignore",
)

for result in results:
    worst = label_severity(result)
    n = len(result.matches)
    count = say("screen.match_one" if n == 1 else "screen.matches", lang, count=n)
    with st.expander(
        f"{severity_badge(worst, lang)} {plain(result.label)} · {count}", expanded=worst == "high"
    ):
        if not result.matches:
            place = jurisdiction_name(result.jurisdiction, "zh") if lang == "zh" else result.jurisdiction
            st.caption(say("screen.none_found", lang, where=place))
            continue
        st.table(styled(matches_table(result, lang), lang), hide_index=True)
        for hit in result.matches:
            st.markdown(f"{severity_badge(hit.severity, lang)} **`{hit.gi.id}`** {plain(hit.reason)}")
            source = say("screen.source", lang, source=plain(hit.legal_source)) if hit.legal_source else ""
            st.caption(say("screen.basis", lang, basis=plain(hit.legal_basis)) + source)
st.caption(say("screen.doubt_note", lang))
