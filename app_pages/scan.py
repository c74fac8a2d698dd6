"""Scan a proposed list: objection grounds in a list before a negotiation round."""

from functools import partial

import streamlit as st

from compare.services import scan_list
from errors import InputError
from gi_lists.export import dumps
from gi_lists.importers import KNOWN_COLUMNS, REQUIRED_COLUMNS
from gi_lists.model import JURISDICTIONS
from ui.cells import problems_markdown
from ui.resources import conflict_index
from ui.tables import objection_rows, scan_table, styled
from ui.widgets import on_upload

st.title("Scan a proposed list")
st.caption(
    "Screens a list proposed for protection: names already protected there and through which route, "
    "conflicts with protected names, homonyms, generic terms and duplicates inside the list."
)

index = conflict_index()

with st.form("scan"):
    upload = st.file_uploader(
        "Proposed list (CSV in UTF-8, or XLSX), in the import format",
        type=["csv", "xlsx"],
        key="scan_file",
        help=f"Required columns: {', '.join(REQUIRED_COLUMNS)}. Allowed: {', '.join(KNOWN_COLUMNS)}.",
    )
    against = st.selectbox(
        "Proposed for protection in",
        JURISDICTIONS,
        key="scan_against",
        help="The jurisdiction whose register the list is screened against (FR includes the EU).",
    )
    st.form_submit_button("Scan", type="primary")

if upload is None:
    st.info(
        f"Upload a list with the columns {', '.join(REQUIRED_COLUMNS)} (one name a row), "
        "choose where it is proposed, then press **Scan**."
    )
    st.stop()

try:
    with st.spinner("Scanning…"):
        rows = on_upload(upload, partial(scan_list, index, against=against))
except InputError as exc:
    st.error(f"{upload.name} cannot be used:\n{problems_markdown(exc.problems)}")
    st.stop()

flagged = objection_rows(rows)
st.markdown(
    f"**{len(rows)} row{'s' if len(rows) != 1 else ''} scanned** against {against} · "
    f"**{flagged}** with possible objection grounds"
)
st.download_button(
    "Download JSON",
    dumps([r.to_dict() for r in rows]),
    file_name=f"giscope-scan-{against}.json",
    mime="application/json",
    on_click="ignore",
)
st.table(styled(scan_table(rows)), hide_index=True)
st.caption(
    "'already-protected' is not an objection ground: the name is protected there already, "
    "for the same origin. Line numbers are those of the uploaded file."
)
