"""Briefings: PDF dispute guidance, agreement comparison and screening reports, made from the register."""

import re

import streamlit as st

from agreements.services import agreement_ids
from briefings.comparison import compare_brief
from briefings.dispute import dispute_brief
from briefings.screening import screening_brief
from errors import GIScopeError, InputError, RegisterError
from gi_lists.model import JURISDICTIONS
from reports.briefing import Briefing
from ui.cells import plain, problems_markdown
from ui.resources import conflict_index, database, pdf
from ui.widgets import language, on_upload
from wording import agreement_name

st.title("Briefings")
st.caption(
    "PDF briefs prepared from the register, the foreign-law profiles and the scope comparison, in English "
    "or Chinese. Every statement names its source; unconfirmed ones are marked in the PDF."
)


def offer(briefing: Briefing, label: str, file_name: str, key: str) -> None:
    st.success(f"**{plain(briefing.title)}** · {briefing.date} · {briefing.data_version}")
    st.download_button(
        label, pdf(briefing), file_name=file_name, mime="application/pdf", on_click="ignore", key=key
    )


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "gi"


dispute, comparison, screening = st.tabs(["Dispute guidance", "Comparison brief", "Screening report"])

with dispute:
    with st.form("brief_dispute"):
        ref = st.text_input(
            "GI id or name", key="brief_gi", placeholder="e.g. fr-champagne, 香槟, Anxi Tieguanyin"
        )
        where = st.selectbox("Jurisdiction", JURISDICTIONS, key="brief_dispute_in")
        typed = st.text_area("Labels or marks met there (optional, one per line)", key="brief_labels")
        lang = language("brief_dispute_lang")
        submitted = st.form_submit_button("Prepare dispute brief", type="primary")
    if submitted:
        labels = [line.strip() for line in typed.splitlines() if line.strip()]
        try:
            if not ref.strip():
                raise RegisterError("enter a GI id or one of its names")
            with st.spinner("Preparing…"):
                index = conflict_index() if labels else None  # the one the Screen page uses too
                brief = dispute_brief(database(), ref, where, labels=labels, lang=lang, index=index)
        except GIScopeError as exc:
            st.error(str(exc))
        else:
            name = f"giscope-dispute-{slug(ref)}-{where}-{lang}.pdf"
            offer(brief, "Download dispute brief (PDF)", name, "brief_dispute_pdf")

with comparison:
    known = agreement_ids(database())
    with st.form("brief_compare"):
        chosen = st.multiselect(
            "Agreements (2 to 4)",
            known,
            default=known[:4],
            format_func=agreement_name,
            max_selections=4,
            key="brief_compare_ids",
        )
        lang = language("brief_compare_lang")
        submitted = st.form_submit_button("Prepare comparison brief", type="primary")
    if submitted:
        try:
            brief = compare_brief(database(), chosen, lang=lang)
        except GIScopeError as exc:
            st.error(str(exc))
        else:
            name = f"giscope-compare-{'-'.join(chosen)}-{lang}.pdf"
            offer(brief, "Download comparison brief (PDF)", name, "brief_compare_pdf")

with screening:
    with st.form("brief_screen"):
        upload = st.file_uploader(
            "Labels (.txt, one a line) or a proposed list (.csv/.xlsx in the import format)",
            type=["txt", "csv", "xlsx"],
            key="brief_file",
        )
        against = st.selectbox("Screen against", JURISDICTIONS, key="brief_screen_in")
        lang = language("brief_screen_lang")
        submitted = st.form_submit_button("Prepare screening report", type="primary")
    if submitted and upload is None:
        st.error("Upload a file first.")
    elif submitted and upload is not None:
        try:
            with st.spinner("Screening…"):
                brief = on_upload(upload, lambda path: screening_brief(database(), path, against, lang=lang))
        except InputError as exc:
            st.error(f"{upload.name} cannot be used:\n{problems_markdown(exc.problems)}")
        except GIScopeError as exc:
            st.error(str(exc))
        else:
            name = f"giscope-screening-{slug(upload.name)}-{against}-{lang}.pdf"
            offer(brief, "Download screening report (PDF)", name, "brief_screen_pdf")
