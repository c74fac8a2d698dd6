"""Screen labels: check labels, brands or listings for names protected in a jurisdiction."""

from collections.abc import Callable

import streamlit as st

from briefings.screening import labels_brief
from compare.services import check_label_texts, check_labels, read_labels
from errors import InputError
from gi_lists.model import JURISDICTIONS
from gi_lists.services import coverage
from ui.cells import label_severity, plain, plain_label, problems_markdown, severity_badge, typed_class
from ui.language import relabel
from ui.resources import conflict_index, database, pdf
from ui.screening import (
    gap_warning,
    label_badge,
    label_bases,
    no_conflict,
    scope_markdown,
    severity_chart,
    summary,
)
from ui.tables import matches_table, results_csv, results_json, results_xlsx, styled
from ui.widgets import EXPORT_MIME, on_upload, page_language
from validation import MAX_BRIEF_LABELS
from wording import jurisdiction_name, say

PROGRESS_FROM = 50  # more labels than this show a progress bar while they are screened

lang = page_language()
relabel("screen_jurisdiction", "screen_class", "screen_labels")  # what they hold survives a language switch
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
try:  # the caps of one request (500 characters a label, 10,000 labels), as `giscope check` has them
    labels = check_label_texts(labels)
except InputError as exc:
    st.error(f"{say('validation.bad_labels', lang)}\n{problems_markdown(exc.problems, lang)}")
    st.stop()

stated = typed_class(product_class.strip(), {gi.product_class for gi in index.gis}, lang) or None
if len(labels) > PROGRESS_FROM:
    bar = st.progress(0.0, text=say("screen.scope.progress", lang, done=0, total=len(labels)))
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        if done[0] % max(1, len(labels) // 50) == 0 or done[0] == len(labels):
            text = say("screen.scope.progress", lang, done=done[0], total=len(labels))
            bar.progress(done[0] / len(labels), text=text)

    results = check_labels(index, labels, jurisdiction, product_class=stated, lang=lang, progress=step)
    bar.progress(1.0, text=say("screen.scope.done", lang, total=len(labels)))
else:
    with st.spinner(say("screen.working", lang)):
        results = check_labels(index, labels, jurisdiction, product_class=stated, lang=lang)
covered = coverage(database(), jurisdiction)
gap = gap_warning(covered, lang)

st.markdown(summary(results, jurisdiction, lang))
st.markdown(scope_markdown(covered, lang))
if gap:
    st.warning(gap, icon="⚠️")
note = covered.text(lang)
st.caption(note[:1].upper() + note[1:])
st.altair_chart(severity_chart(results, lang), width="stretch")

downloads = st.columns(4)
files: tuple[tuple[str, Callable[[], str | bytes], str], ...] = (  # each made when its button is pressed
    ("screen.download_json", lambda: results_json(results, covered), "json"),
    ("screen.download_csv", lambda: results_csv(results, covered, lang), "csv"),
    ("screen.scope.download_xlsx", lambda: results_xlsx(results, covered, lang), "xlsx"),
)
for column, (label, make, fmt) in zip(downloads, files, strict=False):
    column.download_button(
        say(label, lang), make, file_name=f"giscope-check.{fmt}", mime=EXPORT_MIME[fmt], on_click="ignore"
    )
# the PDF is made only when asked for, then kept (ui.resources.pdf) for these labels
asked = (tuple(labels), jurisdiction, stated, lang)
slot = downloads[3].empty()
if len(results) > MAX_BRIEF_LABELS:  # a brief of 10,000 labels was 977 pages: the downloads hold them all
    slot.caption(say("validation.brief_too_many", lang, count=len(results), limit=MAX_BRIEF_LABELS))
elif st.session_state.get("screen_pdf_for") != asked and slot.button(
    say("screen.scope.prepare_pdf", lang), key="screen_pdf"
):
    st.session_state["screen_pdf_for"] = asked
if st.session_state.get("screen_pdf_for") == asked and len(results) <= MAX_BRIEF_LABELS:
    name = upload.name if upload is not None else say("screen.scope.typed_labels", lang)
    brief = labels_brief(database(), results, jurisdiction, name=name, lang=lang)
    slot.download_button(
        say("screen.scope.download_pdf", lang),
        pdf(brief),
        file_name=f"giscope-screening-{jurisdiction}-{lang}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="screen_pdf_download",
    )

for result in results:
    n = len(result.matches)
    count = say("screen.match_one" if n == 1 else "screen.matches", lang, count=n)
    with st.expander(
        f"{label_badge(result, covered, lang)} {plain_label(result.label)} · {count}",
        expanded=label_severity(result) == "high",
    ):
        if not result.matches:
            st.markdown(no_conflict(covered, lang))
            if gap:
                st.warning(gap, icon="⚠️")
            continue
        st.table(styled(matches_table(result, lang), lang), hide_index=True)
        for hit in result.matches:
            st.markdown(f"{severity_badge(hit.severity, lang)} **`{hit.gi.id}`** {plain(hit.reason)}")
        for basis in label_bases(result):  # each legal basis once, with the GIs it applies to
            gis = ", ".join(f"`{gi}`" for gi in basis.gis)
            source = say("screen.source", lang, source=plain(basis.source)) if basis.source else ""
            st.caption(say("screen.scope.basis", lang, gis=gis, basis=plain(basis.text)) + source)
        st.caption(scope_markdown(covered, lang))
st.caption(say("screen.doubt_note", lang))
