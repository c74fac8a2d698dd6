"""Compare agreements: key differences first (the comparison brief's own pairwise logic), then the other
differences, then the dimensions that differ only because a side's position is unknown, shown apart."""

import streamlit as st

from agreements.services import agreement_ids
from briefings.comparison import compare_brief
from compare.scope import BASELINE, ComparedDimension, difference_groups
from compare.services import compare_agreements
from errors import GIScopeError
from ui.cells import confidence_badge, plain, source_line
from ui.language import relabel
from ui.law_tables import contrast_line, open_line, scope_table
from ui.resources import database, pdf
from ui.widgets import page_language
from wording import agreement_name, say

lang = page_language()
st.title(say("compare.title", lang))
st.caption(say("compare.keys.caption", lang))

known = agreement_ids(database())
st.session_state.setdefault("compare_ids", known[:4])
relabel("compare_ids")
chosen = st.multiselect(
    say("compare.agreements", lang),
    known,
    format_func=lambda a: agreement_name(a, lang),
    max_selections=4,
    placeholder=say("compare.keys.choose", lang),
    key="compare_ids",
)
left, right = st.columns(2)
trips = left.checkbox(say("compare.trips", lang), key="compare_trips")
only_differences = right.toggle(say("compare.only_differences", lang), key="compare_only_diff")
if len(chosen) < 2:
    st.info(say("compare.choose_two", lang))
    st.stop()
try:  # with the baseline, as the brief compares: a contrast with TRIPS is a key difference too
    comparison = compare_agreements(database(), chosen, include_trips=True)
except GIScopeError as exc:
    st.error(say("compare.failed", lang, message=exc))
    st.stop()

groups = difference_groups(comparison)
columns = [*chosen, BASELINE] if trips else list(chosen)
names = say("compare.name_separator", lang).join(agreement_name(a, lang) for a in chosen)
st.markdown(
    say(
        "compare.keys.count",
        lang,
        names=names,
        key=len(groups.key),
        other=len(groups.other),
        unknown=len(groups.unknown_only),
        same=len(groups.same),
        total=len(comparison.dimensions),
    )
)

# The brief is built only when asked for, after the tables are drawn: preparing it for one selection and
# language puts its download in the prepare button's place.
wanted = (tuple(chosen), lang)
pdf_slot = st.empty()
if st.session_state.get("compare_pdf_for") != wanted and pdf_slot.button(
    say("compare.keys.prepare_pdf", lang), help=say("compare.keys.prepare_help", lang), key="compare_prepare"
):
    st.session_state["compare_pdf_for"] = wanted


def section(
    heading: str, caption: str, dims: tuple[ComparedDimension, ...], cols: list[str], key: bool
) -> None:
    if not dims:
        return
    st.markdown(f"**{heading}**")
    if caption:
        st.caption(caption)
    why = (lambda d: contrast_line(d, lang)) if key else (lambda d: open_line(d, lang))
    st.table(scope_table(dims, cols, lang, why))


st.subheader(say("compare.keys.key", lang))
if not groups.key:
    st.info(say("compare.keys.no_key", lang))
section(say("compare.keys.among", lang), "", groups.among, columns, True)
# a difference from the baseline is shown with the baseline, ticked or not
section(say("compare.keys.from_baseline", lang), "", groups.from_baseline, [*chosen, BASELINE], True)
if groups.other:
    st.subheader(say("compare.keys.other", lang))
    section("", say("compare.keys.other_caption", lang), groups.other, columns, False)
if not only_differences:
    if groups.unknown_only:
        st.subheader(say("compare.keys.unknown", lang))
        section("", say("compare.keys.unknown_caption", lang), groups.unknown_only, columns, False)
    if groups.same:
        st.subheader(say("compare.keys.same", lang))
        section("", say("compare.keys.same_caption", lang), groups.same, columns, False)

marks = {
    "key": say("compare.keys.mark_key", lang),
    "other": say("compare.keys.mark_other", lang),
    "unknown-only": say("compare.keys.mark_unknown", lang),
    "same": "",
}
shown = [*groups.key, *groups.other]
if not only_differences:
    shown += [*groups.unknown_only, *groups.same]
st.subheader(say("compare.notes", lang))
for d in shown:
    with st.expander(f"{d.dimension.label(lang)}{marks[groups.kind_of(d.dimension.key)]}"):
        for a, v in d.values.items():
            if a not in columns and not (a == BASELINE and d.key_difference and not d.differs):
                continue
            article = plain(v.article_in(lang))
            st.markdown(f"**{agreement_name(a, lang)}** · {article} · {confidence_badge(v.confidence, lang)}")
            if v.note_in(lang):
                st.markdown(plain(v.note_in(lang) or ""))
            st.caption(source_line(v.source, lang))

if st.session_state.get("compare_pdf_for") == wanted:
    try:
        data = pdf(compare_brief(database(), chosen, lang=lang))
    except GIScopeError as exc:
        pdf_slot.error(say("compare.failed", lang, message=exc))
    else:
        pdf_slot.download_button(
            say("compare.download_pdf", lang),
            data,
            file_name=f"giscope-compare-{'-'.join(chosen)}-{lang}.pdf",
            mime="application/pdf",
            on_click="ignore",
            key="compare_pdf",
        )
