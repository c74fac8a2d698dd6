"""Briefings: PDF dispute guidance, agreement comparison and screening reports, made from the register.

Another page opens the dispute form filled in by setting, before st.switch_page to this page:
st.session_state[BRIEF_GI] = a GI's id (or a name) and st.session_state[BRIEF_MARKET] = a jurisdiction.
"""

import re

import streamlit as st

from agreements.services import agreement_ids
from briefings.comparison import compare_brief
from briefings.dispute import dispute_brief
from briefings.screening import screening_brief
from errors import GIScopeError, InputError
from gi_lists.model import JURISDICTIONS
from phrases import message_text
from reports.briefing import Briefing
from ui.cells import plain, problems_markdown
from ui.language import relabel
from ui.lookup import find_gi
from ui.resources import conflict_index, database, pdf
from ui.widgets import language, on_upload, page_language
from wording import agreement_name, jurisdiction_name, say

BRIEF_GI = "brief_gi"  # the dispute form's GI (the GI record's "Dispute brief for a market" sets it)
BRIEF_MARKET = "brief_dispute_in"  # the dispute form's market
BRIEF_ASKED = "brief_dispute_asked"  # the GI text of the last submitted dispute form

lang = page_language()
relabel("brief_compare_ids", "brief_dispute_in", "brief_screen_in")
st.title(say("briefs.title", lang))
st.caption(say("briefs.intro", lang))


def offer(briefing: Briefing, label: str, file_name: str, key: str) -> None:
    st.success(f"**{plain(briefing.title)}** · {briefing.date} · {briefing.data_version}")
    st.download_button(
        label, pdf(briefing), file_name=file_name, mime="application/pdf", on_click="ignore", key=key
    )


def failed(exc: GIScopeError) -> None:
    """A service's message (English) after a lead-in in the page's language."""
    st.error(say("briefs.failed", lang, error=message_text(str(exc), lang)))


def where(j: str) -> str:
    """'CN' in English (as before), '中国（CN）' in Chinese."""
    return f"{jurisdiction_name(j, 'zh')}（{j}）" if lang == "zh" else j


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "gi"


dispute, comparison, screening = st.tabs(
    [say("briefs.tab_dispute", lang), say("briefs.tab_compare", lang), say("briefs.tab_screen", lang)]
)

with dispute:
    with st.form("brief_dispute"):
        ref = st.text_input(
            say("briefs.gi", lang),
            key=BRIEF_GI,
            placeholder=say("briefs.gi_placeholder", lang, examples="fr-champagne, 香槟, Anxi Tieguanyin"),
        )
        market = st.selectbox(
            say("briefs.jurisdiction", lang), JURISDICTIONS, format_func=where, key=BRIEF_MARKET
        )
        typed = st.text_area(say("briefs.labels", lang), key="brief_labels")
        out = language("brief_dispute_lang")
        submitted = st.form_submit_button(say("briefs.prepare_dispute", lang), type="primary")
    if submitted:
        st.session_state[BRIEF_ASKED] = ref.strip()
    if submitted and not ref.strip():
        st.error(say("briefs.need_gi", lang))
    elif ref.strip() and st.session_state.get(BRIEF_ASKED) == ref.strip():
        # the GI as the record page finds it; several close matches stay offered until one is prepared
        gi, offered = find_gi(database(), ref, lang, key="brief_pick")
        if gi is not None and offered:
            submitted = st.button(say("briefs.lookup.pick", lang), key="brief_pick_go")
        if gi is not None and submitted:
            del st.session_state[BRIEF_ASKED]  # asked and answered: a later run of the page shows none
            labels = [line.strip() for line in typed.splitlines() if line.strip()]
            try:
                with st.spinner(say("briefs.preparing", lang)):
                    index = conflict_index() if labels else None  # the one the Screen page uses too
                    brief = dispute_brief(database(), gi.id, market, labels=labels, lang=out, index=index)
            except GIScopeError as exc:
                failed(exc)
            else:
                name = f"giscope-dispute-{gi.id}-{market}-{out}.pdf"  # the id: a Chinese name has no slug
                offer(brief, say("briefs.download_dispute", lang), name, "brief_dispute_pdf")

with comparison:
    known = agreement_ids(database())
    st.session_state.setdefault("brief_compare_ids", known[:4])
    with st.form("brief_compare"):
        chosen = st.multiselect(
            say("briefs.agreements", lang),
            known,
            format_func=lambda a: agreement_name(a, lang),
            max_selections=4,
            placeholder=say("compare.keys.choose", lang),
            key="brief_compare_ids",
        )
        out = language("brief_compare_lang")
        submitted = st.form_submit_button(say("briefs.prepare_compare", lang), type="primary")
    if submitted:
        try:
            brief = compare_brief(database(), chosen, lang=out)
        except GIScopeError as exc:
            failed(exc)
        else:
            name = f"giscope-compare-{'-'.join(chosen)}-{out}.pdf"
            offer(brief, say("briefs.download_compare", lang), name, "brief_compare_pdf")

with screening:
    with st.form("brief_screen"):
        upload = st.file_uploader(
            say("briefs.file", lang, txt=".txt", tables=".csv/.xlsx"),
            type=["txt", "csv", "xlsx"],
            key="brief_file",
        )
        against = st.selectbox(
            say("briefs.against", lang), JURISDICTIONS, format_func=where, key="brief_screen_in"
        )
        out = language("brief_screen_lang")
        submitted = st.form_submit_button(say("briefs.prepare_screen", lang), type="primary")
    if submitted and upload is None:
        st.error(say("briefs.need_file", lang))
    elif submitted and upload is not None:
        try:
            with st.spinner(say("briefs.screening", lang)):
                brief = on_upload(upload, lambda path: screening_brief(database(), path, against, lang=out))
        except InputError as exc:
            bad = say("briefs.bad_file", lang, file=upload.name)
            st.error(f"{bad}\n{problems_markdown(exc.problems, lang)}")
        except GIScopeError as exc:
            failed(exc)
        else:
            name = f"giscope-screening-{slug(upload.name)}-{against}-{out}.pdf"
            offer(brief, say("briefs.download_screen", lang), name, "brief_screen_pdf")
