"""GI record: one GI's names, its protections with their sources, and its history."""

import streamlit as st

from errors import RegisterError
from gi_lists.services import find_gis
from translation.renderings import pending_renderings
from ui.cells import or_unknown
from ui.resources import database
from ui.tables import history_table, names_table, protections_table
from wording import DOUBTFUL

st.title("GI record")

# The GI to show comes from the Search page (session state) or a link (?id=...). Copy it into the
# text box only when it changes, so what the user types there is not overwritten on the next run.
target = st.session_state.get("gi_id") or st.query_params.get("id", "")
if st.session_state.get("gi_target") != target or "gi_ref" not in st.session_state:
    st.session_state["gi_target"] = target
    st.session_state["gi_ref"] = target

ref = st.text_input("GI id or name", key="gi_ref", placeholder="e.g. fr-champagne, 香槟, Anxi Tieguanyin")
if not ref.strip():
    st.info("Enter a GI id or one of its names, or open a GI from the Search page.")
    st.stop()

try:
    found = find_gis(database(), ref)
except RegisterError as exc:
    st.error(str(exc))
    st.caption("The Search page finds GIs by partial names and close spellings.")
    st.stop()
gi = found[0]
if len(found) > 1:  # a homonym: Toscano the wine and Toscano the olive oil
    st.warning(f"'{ref.strip()}' names {len(found)} GIs; choose one.")
    by_id = {g.id: g for g in found}
    chosen = st.radio(
        "GI",
        list(by_id),
        format_func=lambda i: f"{by_id[i].display_name} · {by_id[i].product_class} · {by_id[i].origin} ({i})",
        key="gi_homonym",
    )
    gi = by_id[chosen]

others = [n.text for n in gi.names[1:]]
st.header(gi.display_name + (f" · {' · '.join(others)}" if others else ""))
st.caption(f"`{gi.id}`")
facts = st.columns(3)
facts[0].markdown(f"**Product class**  \n{gi.product_class}")
facts[1].markdown(f"**Origin**  \n{gi.origin.replace(';', ', ')}")
facts[2].markdown(f"**Region**  \n{or_unknown(gi.region)}")

st.subheader("Names")
st.table(names_table(gi), hide_index=True)
if pending := pending_renderings(database(), [gi.id]).get(gi.id):
    st.caption(
        "Renderings to be reviewed (Translations page): "
        + "; ".join(f"{t.marked} [{t.target_lang}]" for t in pending)
    )

st.subheader("Protections")
if gi.protections:
    st.table(protections_table(gi), hide_index=True)
    doubtful = [p for p in gi.protections if p.confidence in DOUBTFUL]
    if doubtful:
        st.warning(
            f"{len(doubtful)} of these protections {'rests' if len(doubtful) == 1 else 'rest'} on "
            f"{' or '.join(sorted({p.confidence for p in doubtful}))} confidence (marked ⚠): "
            "check the source before relying on it."
        )
else:
    st.caption("No protection recorded.")

st.subheader("History")
if gi.history:
    st.dataframe(history_table(gi), hide_index=True)
else:
    st.caption("No change recorded.")
