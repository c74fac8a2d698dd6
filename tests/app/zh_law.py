"""What a page shows a person reading Chinese, and the English words left in it: a helper for the tests of
the trademark watch, compare, profiles and deadlines pages (tests/app/test_zh_law_pages.py).

A page's own words (titles, headings, captions, labels, messages, column headers, the cell words it
chooses) must be Chinese; names, codes and citations may stay in Latin letters, and so may the data a
person typed or a source wrote (GI names, marks, sources, addresses): a test cuts those out first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from streamlit.testing.v1 import AppTest

from tests.unit.test_phrases import LATIN_ALLOWED

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
BADGE = re.compile(r":[a-z]+-badge\[")  # markdown badge syntax, not words
WIDGETS = (
    "selectbox",
    "multiselect",
    "radio",
    "checkbox",
    "toggle",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "button",
    "file_uploader",
)
CHOICES = ("selectbox", "multiselect", "radio")


def page_texts(at: AppTest, *, options_of: Sequence[str] = (), cells_of: Sequence[str] = ()) -> list[str]:
    """The words a page writes itself: headings, text, messages, widget labels and help, expander labels,
    download buttons, table headers; the option labels of the widgets keyed in `options_of`; the cells of
    the table columns named in `cells_of`. The sidebar (the router's) is not part of a page."""
    texts = [
        str(e.value) for kind in ("title", "header", "subheader", "markdown", "caption") for e in at.get(kind)
    ]
    texts += [str(e.value) for kind in ("info", "warning", "success", "error") for e in at.get(kind)]
    texts += [e.label for e in at.expander]
    for kind in WIDGETS:
        for w in at.get(kind):
            texts += [str(w.label), str(getattr(w, "help", "") or "")]
            if kind in CHOICES and getattr(w, "key", None) in options_of:
                texts += [str(o) for o in w.options]
    for b in at.get("download_button"):
        texts.append(str(b.label))
    for t in [*at.table, *at.dataframe]:
        frame = t.value
        texts += [str(c) for c in frame.columns] + ([str(frame.index.name)] if frame.index.name else [])
        for column in cells_of:
            if column in frame:
                texts += [str(v) for v in frame[column]]
    return [t for t in texts if t]


def english_words(
    texts: Iterable[str], *, data: Iterable[str] = (), allowed: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Each text holding English words, with those words: `data` (names, sources, marks) is cut out of the
    texts first, longest first; `allowed` adds words to the catalogue test's names and codes."""
    cut = sorted({d for d in data if d}, key=len, reverse=True)
    ok = LATIN_ALLOWED | set(allowed)
    stray: dict[str, list[str]] = {}
    for text in texts:
        plain = BADGE.sub("", text.replace("\\", ""))
        for d in cut:
            plain = plain.replace(d, " ")
        words = [w for w in LATIN_WORD.findall(plain) if w not in ok]
        if words:
            stray[text[:200]] = words
    return stray
