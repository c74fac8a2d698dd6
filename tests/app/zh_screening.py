"""What a person reads on a page run with AppTest, and the English words left in it when the page is in
Chinese (names, codes and citations aside): a helper for the Chinese page tests of the screening pages."""

from __future__ import annotations

import re
from collections.abc import Iterable

from streamlit.testing.v1 import AppTest

# Latin words a Chinese page may show: the product, file formats, codes and citations (as the phrase test),
# and the language names of a brief's language choice.
ALLOWED = {
    "GIScope", "PDF", "CSV", "XLSX", "JSON", "TRIPS", "EU", "CN", "FR", "TH", "ID", "URL", "OJ", "UTF",
    "txt", "csv", "xlsx", "English",
}  # fmt: skip
WIDGETS = ("text_input", "text_area", "selectbox", "multiselect", "radio", "button", "file_uploader")
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
NOT_PROSE = (
    re.compile(r"`[^`]*`"),  # code: GI ids, column names, commands
    re.compile(r":[a-z]+-badge\["),  # markdown badge syntax
    re.compile(r"https?://\S+"),
    re.compile(r"[\w.-]+\.(?:txt|csv|xlsx|json|pdf)\b"),  # file names, as uploaded
    re.compile(r"UTF-8"),
    re.compile(r"“[^”]*”"),  # quoted names and label forms
    re.compile(r"来源：.*"),  # a source is a citation, quoted as published
)


def visible_texts(at: AppTest) -> list[str]:
    """Titles, headers, markdown, captions, messages, expander and tab labels, widget labels, help texts,
    placeholders and options, button labels and table column headers."""
    texts = [
        str(e.value) for kind in (at.title, at.header, at.subheader, at.markdown, at.caption) for e in kind
    ]
    texts += [str(e.value) for kind in (at.error, at.warning, at.info, at.success) for e in kind]
    texts += [e.label for e in at.expander] + [t.label for t in at.tabs]
    for kind in (*WIDGETS, "download_button"):
        for w in at.get(kind):
            proto = w.proto
            texts += [proto.label, getattr(proto, "help", ""), getattr(proto, "placeholder", "")]
            texts += list(getattr(proto, "options", []))
    for table in [*at.table, *at.dataframe]:
        texts += [str(c) for c in table.value.columns]
        texts += [str(table.value.index.name or "")]
    return [t for t in texts if t]


def english_words(text: str, names: Iterable[str] = ()) -> list[str]:
    """The Latin-letter words of `text` that are not names, codes or citations."""
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    allowed = ALLOWED | set(names)
    return [w for w in WORD.findall(text) if w not in allowed]


def english_left(at: AppTest, names: Iterable[str] = ()) -> dict[str, list[str]]:
    """Each visible text that still holds English words, with those words."""
    names = set(names)
    found = {t: english_words(t, names) for t in visible_texts(at)}
    return {t: words for t, words in found.items() if words}


def cells(at: AppTest, *columns: str) -> list[str]:
    """The cells of these columns in every table on the page."""
    return [str(v) for t in at.table for c in columns if c in t.value for v in t.value[c]]
