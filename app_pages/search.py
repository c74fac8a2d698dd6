"""Search: find GIs by any of their names, in any script, and open one."""

import pandas as pd
import streamlit as st

from agreements.services import agreement_ids
from errors import RegisterError
from gi_lists.model import JURISDICTIONS, STATUSES
from gi_lists.services import Filters, search
from ui.resources import database
from ui.tables import protections_summary

ANY = "any"

st.title("Search")
st.caption(
    "Type a name as written on any list: original, pinyin with or without spaces, Chinese in simplified "
    "or traditional characters, Thai, or a translation. Close spellings are offered when nothing matches."
)

db = database()

query = st.text_input("Name in any script", key="search_query", placeholder="e.g. Champagne, 安溪铁观音")
left, middle, right = st.columns(3)
jurisdiction = left.selectbox(
    "Protected in",
    [ANY, *JURISDICTIONS],
    key="search_jurisdiction",
    help="FR includes protection in the whole EU.",
)
agreement = middle.selectbox("Agreement", [ANY, *agreement_ids(db)], key="search_agreement")
status = right.selectbox("Status", [ANY, *STATUSES], key="search_status")

if not query.strip():
    st.info("Enter a name to search the register.")
    st.stop()

filters = Filters(
    jurisdiction=None if jurisdiction == ANY else jurisdiction,
    agreement=None if agreement == ANY else agreement,
    status=None if status == ANY else status,
)
try:
    hits = search(db, query, filters, limit=50)
except RegisterError as exc:
    st.error(str(exc))
    st.stop()

if not hits:
    st.warning(f"No GI matches {query!r} with these filters.")
    st.stop()

st.write(f"{len(hits)} GI{'s' if len(hits) != 1 else ''} found, best first.")
if all(hit.how == "close spelling" for hit in hits):
    st.caption("No name matches exactly; these are close spellings.")
results = pd.DataFrame(
    [
        {
            "id": hit.gi.id,
            "name": hit.gi.display_name,
            "matched": hit.matched_form,
            "class": hit.gi.product_class,
            "origin": hit.gi.origin.replace(";", ", "),
            "protections": protections_summary(hit.gi),
            "score": hit.score,
        }
        for hit in hits
    ]
)
st.dataframe(
    results,
    hide_index=True,
    column_config={"score": st.column_config.NumberColumn("score", format="%.2f")},
)
st.caption("⚠ marks a protection whose confidence is low or unconfirmed.")

labels = {hit.gi.id: f"{hit.gi.display_name} ({hit.gi.id})" for hit in hits}
chosen = st.selectbox("GI to open", list(labels), format_func=labels.__getitem__, key="search_open")
if st.button("Open GI record", type="primary"):
    st.session_state["gi_id"] = chosen
    st.switch_page("app_pages/gi.py")
