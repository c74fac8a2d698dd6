"""Screen labels: check labels, brands or listings for names protected in a jurisdiction."""

import streamlit as st

from compare.services import check_labels, read_labels
from errors import InputError
from gi_lists.export import dumps
from gi_lists.model import JURISDICTIONS
from gi_lists.services import coverage
from ui.cells import label_severity, plain, problems_markdown, screen_summary, severity_badge
from ui.resources import conflict_index, database
from ui.tables import matches_table, results_csv, styled
from ui.widgets import on_upload

st.title("Screen labels")
st.caption(
    "Checks each label for a protected name used, translated, transliterated, written in another "
    "script, imitated or evoked. Every match says why, and on what legal basis."
)

index = conflict_index()

with st.form("screen"):
    left, right = st.columns([1, 3])
    jurisdiction = left.selectbox(
        "Screen against", JURISDICTIONS, key="screen_jurisdiction", help="FR includes protection in the EU."
    )
    product_class = right.text_input(
        "Product class of the labelled goods (optional)",
        key="screen_class",
        placeholder="e.g. Wine, Tea, Cheeses",
        help="Without it, like goods are assumed unless the label itself names its product.",
    )
    typed = st.text_area(
        "Labels, one label per line",
        key="screen_labels",
        height=140,
        placeholder="Champagne-style sparkling wine\n香宾酒",
    )
    upload = st.file_uploader("…or a UTF-8 .txt file, one label a line", type=["txt"], key="screen_file")
    st.form_submit_button("Screen", type="primary")

labels = [line.strip() for line in typed.splitlines() if line.strip()]
if upload is not None:
    try:
        labels += on_upload(upload, read_labels)
    except InputError as exc:
        st.error(f"The file cannot be used:\n{problems_markdown(exc.problems)}")
        st.stop()
if not labels:
    st.info("Enter labels, one per line, or upload a .txt file, then press **Screen**.")
    st.stop()

with st.spinner("Screening…"):
    results = check_labels(index, labels, jurisdiction, product_class=product_class.strip() or None)

st.markdown(screen_summary(results))
covered = coverage(database(), jurisdiction).text()
st.caption(covered[:1].upper() + covered[1:])
downloads = st.columns([1, 1, 4])
downloads[0].download_button(
    "Download JSON",
    dumps([r.to_dict() for r in results]),
    file_name="giscope-check.json",
    mime="application/json",
    on_click="ignore",
)
downloads[1].download_button(
    "Download CSV", results_csv(results), file_name="giscope-check.csv", mime="text/csv", on_click="ignore"
)

for result in results:
    worst = label_severity(result)
    count = f"{len(result.matches)} match{'es' if len(result.matches) != 1 else ''}"
    with st.expander(f"{severity_badge(worst)} {plain(result.label)} · {count}", expanded=worst == "high"):
        if not result.matches:
            st.caption(f"No protected name in {result.jurisdiction} found in this label.")
            continue
        st.table(styled(matches_table(result)), hide_index=True)
        for hit in result.matches:
            st.markdown(f"{severity_badge(hit.severity)} **`{hit.gi.id}`** {plain(hit.reason)}")
            source = f" · Source: {plain(hit.legal_source)}" if hit.legal_source else ""
            st.caption(f"Legal basis: {plain(hit.legal_basis)}{source}")
st.caption("⚠ marks a match whose protection or matching rule has low or unconfirmed confidence.")
