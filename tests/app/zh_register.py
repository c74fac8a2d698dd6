"""What a person reads on a register page (Agreements, Search, GI record, Import and export) run with
AppTest, and the English words left in it when the page is in Chinese: names, codes and citations aside."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from streamlit.testing.v1 import AppTest

from tests.unit.test_phrases import LATIN_ALLOWED

# Latin words of names and citations the pages quote besides the register's names: the sources the
# China–EU article summaries cite, and the pinyin of 铁观音 written as one word (a placeholder's example).
CITED = {"IPKat", "oriGIn", "Tieguanyin"}
WIDGETS = ("text_input", "selectbox", "radio", "checkbox", "date_input", "button", "file_uploader")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
NOT_PROSE = (
    re.compile(r"[\w.-]+\.(?:csv|xlsx):\d+: (?:\w+: )?"),  # a problem's location: file, line, column
    re.compile(r"`[^`]*`"),  # code: GI ids, commands
    re.compile(r"https?://\S+"),
    re.compile(r"“[^”]*”"),  # a value quoted as typed
    re.compile(r"\b[A-Z]{2}\b"),  # country codes
    re.compile(r"[\w.-]+\.(?:csv|xlsx|json)\b"),  # file names, as uploaded
    re.compile(r"来源：.*?(?= · 可信度|$)", re.S),  # a source is a citation, quoted as published
    re.compile(r"英文名称：.*"),  # an agreement's title in English, given as its name
    re.compile(r"\b(?:OJ [LC] \d+\w*|Art\. [\d(). a-z]+)"),  # citations
)


def visible_texts(at: AppTest) -> list[str]:
    """Titles, headers, markdown, captions, messages, expander and tab labels, widget labels, help texts,
    placeholders and options, button labels, metric labels and table headers."""
    texts = [
        str(e.value) for kind in (at.title, at.header, at.subheader, at.markdown, at.caption) for e in kind
    ]
    texts += [str(e.value) for kind in (at.error, at.warning, at.info, at.success) for e in kind]
    texts += [e.label for e in at.expander] + [t.label for t in at.tabs] + [m.label for m in at.metric]
    for kind in (*WIDGETS, "download_button"):
        for w in at.get(kind):
            proto = w.proto
            texts += [proto.label, getattr(proto, "help", ""), getattr(proto, "placeholder", "")]
            texts += list(getattr(proto, "options", []))
    for table in [*at.table, *at.dataframe]:
        texts += [str(c) for c in table.value.columns] + [str(table.value.index.name or "")]
    return [t for t in texts if t]


def english_words(text: str, names: Iterable[str] = ()) -> list[str]:
    """The Latin-letter words of `text` that are not names, codes or citations (`names` hold the words of
    the register's names, lower-cased, and whole strings to leave out: GI ids, sources)."""
    allowed = set(names)
    for phrase in sorted((n for n in allowed if " " in n or "-" in n), key=len, reverse=True):
        text = text.replace(phrase, " ")
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    words = (w.strip("-'’") for w in WORD.findall(text))
    return [w for w in words if w and w not in LATIN_ALLOWED | CITED and w.lower() not in allowed]


def english_left(at: AppTest, names: Iterable[str] = ()) -> dict[str, list[str]]:
    """Each visible text that still holds English words, with those words."""
    names = set(names)
    found = {t: english_words(t, names) for t in visible_texts(at)}
    return {t: words for t, words in found.items() if words}


def register_names(url: str) -> set[str]:
    """The words of every name the register holds (lower-cased), and its GI ids: these may show in Latin
    letters on a Chinese page."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as con:
        texts = [t for (t,) in con.execute("select text from names") if t]
        ids = [i for (i,) in con.execute("select id from gis")]
    return {w.lower() for t in texts for w in WORD.findall(t)} | set(ids)


def column_cells(at: AppTest, *, besides: tuple[str, ...] = ()) -> list[str]:
    """Every cell of every table and dataframe on the page, as text (but those of the columns `besides`)."""
    frames = [t.value for t in [*at.table, *at.dataframe]]
    return [str(v) for f in frames for c in f.columns if c not in besides for v in f[c]]
