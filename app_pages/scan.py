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
from ui.widgets import on_upload, page_language
from wording import jurisdiction_name, say

lang = page_language()
st.title(say("scan.title", lang))
st.caption(say("scan.intro", lang))

index = conflict_index()
comma = "、" if lang == "zh" else ", "
required = comma.join(f"`{c}`" for c in REQUIRED_COLUMNS)
allowed = comma.join(f"`{c}`" for c in KNOWN_COLUMNS)


def where(j: str) -> str:
    """'CN' in English (as before), '中国（CN）' in Chinese."""
    return f"{jurisdiction_name(j, 'zh')}（{j}）" if lang == "zh" else j


with st.form("scan"):
    upload = st.file_uploader(
        say("scan.file", lang, encoding="UTF-8"),
        type=["csv", "xlsx"],
        key="scan_file",
        help=say("scan.file_help", lang, required=required, allowed=allowed),
    )
    against = st.selectbox(
        say("scan.against", lang),
        JURISDICTIONS,
        format_func=where,
        key="scan_against",
        help=say("scan.against_help", lang),
    )
    st.form_submit_button(say("scan.submit", lang), type="primary")

if upload is None:
    st.info(say("scan.hint", lang, required=required))
    st.stop()

try:
    with st.spinner(say("scan.working", lang)):
        rows = on_upload(upload, partial(scan_list, index, against=against, lang=lang))
except InputError as exc:
    st.error(f"{say('scan.bad_file', lang, file=upload.name)}\n{problems_markdown(exc.problems, lang)}")
    st.stop()

flagged = objection_rows(rows)
summary = "scan.summary_one" if len(rows) == 1 else "scan.summary"
st.markdown(say(summary, lang, count=len(rows), where=where(against), flagged=flagged))
st.download_button(
    say("scan.download_json", lang),
    dumps([r.to_dict() for r in rows]),
    file_name=f"giscope-scan-{against}.json",
    mime="application/json",
    on_click="ignore",
)
st.table(styled(scan_table(rows, lang), lang), hide_index=True)
st.caption(say("scan.note", lang))
